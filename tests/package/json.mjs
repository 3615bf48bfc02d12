import { readFileSync } from 'node:fs';

/**
 * A JSON file's value, to be narrowed by the caller.
 * @param {string} file
 * @returns {unknown}
 */
export const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/**
 * JSON text's value, to be narrowed by the caller.
 * @param {string} text
 * @returns {unknown}
 */
export const parseJson = (text) => JSON.parse(text);
