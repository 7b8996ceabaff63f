/**
 * The single DynamoDB table and the storage clients: key mechanics, attribute codecs, batch reads,
 * health indicators and the guard that keeps a slow dependency from holding requests.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.platform.storage;
