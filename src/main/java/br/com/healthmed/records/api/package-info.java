/**
 * The GraphQL face of the health record: files, uploads and downloads, shares, the access log and
 * the clinical record.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.records.api;
