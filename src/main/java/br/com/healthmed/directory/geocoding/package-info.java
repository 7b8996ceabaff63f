/**
 * Turning an office address into coordinates with Amazon Location Service.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.directory.geocoding;
