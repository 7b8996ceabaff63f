/**
 * Where the health record keeps file metadata, groups, grants, the access log, consultation notes
 * and their notices: DynamoDB adapters, in-memory ones and their key shapes.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.records.store;
