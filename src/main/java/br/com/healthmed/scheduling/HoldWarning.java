package br.com.healthmed.scheduling;

/** Why a waiting request may be one of several held by one person (see {@link HoldWarnings}). */
public enum HoldWarning {
    /** Another waiting request with this doctor came from the same network. */
    SAME_NETWORK,
    /** Another waiting request with this doctor came from the same device. */
    SAME_DEVICE,
    /** The patient's account was created shortly before the booking. */
    NEW_ACCOUNT
}
