/**
 * The GraphQL set-up: the HTTP endpoint (POST and GET, status codes, caching), scalars, error mapping,
 * shapes and messages, query limits and request budgets, the parsed-document cache and the warm-up.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.platform.graphql;
