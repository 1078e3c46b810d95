// Types of config-validator.generated.cjs (generated: see config-validator-compile.ts).
import type { ConfigValidator } from './config-validator.js';
export declare const key: string;
export declare function create(formats: { regex: { type: 'string'; validate: (s: string) => boolean } }): ConfigValidator;
