package br.com.healthmed.identity.api;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public key that verifies access tokens, for other services and gateways. */
@RestController
class JwksController {

    private final br.com.healthmed.identity.Jwks jwks;

    JwksController(br.com.healthmed.identity.Jwks jwks) {
        this.jwks = jwks;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(jwks.json());
    }
}
