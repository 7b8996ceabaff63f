/**
 * Domain failures the client can act on and their stable error codes ({@code extensions.code}).
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.platform.error;
