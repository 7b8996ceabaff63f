/**
 * Text encodings shared by the modules (RFC 4648 base32).
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.platform.encoding;
