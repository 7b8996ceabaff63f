package br.com.healthmed.privacy;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Role;

/** Whose data a copy holds. */
public record DataSubject(AccountId account, Role role) {}
