// Entry bundled by scripts/build.mjs to write rules/schema/config.schema.json: the config schema
// (server/src/engine/config-schema.ts) for the built-in rules, with each rule's declared `extend`.
import { RULES } from '../server/src/rules/index.js';
import { configSchemaText } from '../server/src/engine/config-schema.js';

export const text = configSchemaText(RULES);
