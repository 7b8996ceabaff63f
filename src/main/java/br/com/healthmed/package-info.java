/**
 * The Spring Boot application that starts the Health&Med service; the business modules are its
 * sub-packages.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed;
