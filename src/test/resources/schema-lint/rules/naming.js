// Naming rules graphql-schema-linter does not ship. A rule's name is its function's name in
// kebab-case (TypeNamesArePascalCase -> type-names-are-pascal-case); .graphql-schema-linterrc lists it.
const { ValidationError } = require('graphql-schema-linter/lib/validation_error');

const PASCAL_CASE = /^[A-Z][a-zA-Z0-9]*$/;
const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;

// Every named type (not only objects and interfaces, as types-are-capitalized checks): code
// generators turn type names into TypeScript, Swift and Kotlin type names as they are.
function TypeNamesArePascalCase(context) {
  const check = kind => node => {
    const name = node.name.value;
    if (!PASCAL_CASE.test(name)) {
      context.reportError(new ValidationError('type-names-are-pascal-case',
          `The ${kind} \`${name}\` should be named in PascalCase (letters and digits, starting with a capital).`,
          [node.name]));
    }
  };
  return {
    ObjectTypeDefinition: check('object type'),
    InterfaceTypeDefinition: check('interface type'),
    UnionTypeDefinition: check('union type'),
    EnumTypeDefinition: check('enum type'),
    InputObjectTypeDefinition: check('input object type'),
    ScalarTypeDefinition: check('scalar type'),
  };
}

// fields-are-camel-cased checks field names only; arguments are what clients type most.
function ArgumentsAreCamelCased(context) {
  return {
    InputValueDefinition(node, key, parent, path, ancestors) {
      const owner = ancestors[ancestors.length - 1];
      if (owner.kind !== 'FieldDefinition' && owner.kind !== 'DirectiveDefinition') {
        return; // input object fields: input-object-values-are-camel-cased
      }
      const name = node.name.value;
      if (!CAMEL_CASE.test(name)) {
        context.reportError(new ValidationError('arguments-are-camel-cased',
            `The argument \`${name}\` of \`${owner.name.value}\` is not camel cased.`, [node]));
      }
    },
  };
}

// Input objects end in one of rulesOptions.suffixes (default: Input), so a variable's type says it
// is something to send, never confused with the object type it creates.
function InputObjectNamesHaveSuffix(configuration, context) {
  const options = configuration.getRulesOptions()['input-object-names-have-suffix'] || {};
  const suffixes = options.suffixes || ['Input'];
  return {
    InputObjectTypeDefinition(node) {
      const name = node.name.value;
      if (!suffixes.some(suffix => name.endsWith(suffix) && name.length > suffix.length)) {
        context.reportError(new ValidationError('input-object-names-have-suffix',
            `The input object type \`${name}\` should end in ${suffixes.map(s => '`' + s + '`').join(' or ')}.`,
            [node.name]));
      }
    },
  };
}

module.exports = { TypeNamesArePascalCase, ArgumentsAreCamelCased, InputObjectNamesHaveSuffix };
