/**
 * JSON for jjwt through Jackson 3: the serializer and deserializer of JWT headers, claims and JWKs.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.platform.security.jwt;
