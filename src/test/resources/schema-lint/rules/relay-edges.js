// Section 3 of the Relay Cursor Connections spec (Edge types), which graphql-schema-linter's
// relay-* rules skip: the edges of a connection carry `cursor` and `node`. Apollo's
// relayStylePagination and Relay read `edges[].node`; an edge with `doctor` instead of `node`
// shows an empty list in those clients.
// https://relay.dev/graphql/connections.htm#sec-Edge-Types
const { ValidationError } = require('graphql-schema-linter/lib/validation_error');
const { getNamedType, getNullableType, isListType, isObjectType, isScalarType } = require('graphql');

function RelayEdgeTypesSpec(context) {
  const report = (message, node) =>
      context.reportError(new ValidationError('relay-edge-types-spec', message, [node]));
  return {
    ObjectTypeDefinition(node) {
      const connection = node.name.value;
      if (!connection.endsWith('Connection')) {
        return; // relay-connection-types-spec reports non-object types named ...Connection
      }
      const edges = context.getSchema().getType(connection).getFields().edges;
      if (!edges || !isListType(getNullableType(edges.type))) {
        return; // relay-connection-types-spec reports it
      }
      const edge = getNamedType(edges.type);
      if (!isObjectType(edge)) {
        report(`The edges of \`${connection}\` should be objects with \`cursor\` and \`node\`.`, node);
        return;
      }
      const fields = edge.getFields();
      if (!fields.node) {
        report(`The edge type \`${edge.name}\` of \`${connection}\` must have a \`node\` field.`, edge.astNode);
      } else if (isListType(getNullableType(fields.node.type))) {
        report(`The field \`${edge.name}.node\` must not return a list.`, fields.node.astNode);
      }
      if (!fields.cursor) {
        report(`The edge type \`${edge.name}\` of \`${connection}\` must have a \`cursor\` field.`, edge.astNode);
      } else if (!isScalarType(getNullableType(fields.cursor.type))) {
        report(`The field \`${edge.name}.cursor\` must return a String (or a scalar serialised as one).`,
            fields.cursor.astNode);
      }
    },
  };
}

module.exports = { RelayEdgeTypesSpec };
