/**
 * HTTP and WebSocket plumbing: client address, device and connection, trusted proxies, correlation
 * ids, request guards, GraphQL-shaped error responses, GraphiQL and WebSocket draining.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.platform.web;
