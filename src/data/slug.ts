/** Provider ids: lower-case kebab-case slugs (stable once released). */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Slugs that are also Object.prototype names: refused so an id can never shadow one. */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['constructor', 'prototype', 'hasownproperty', 'tostring', 'valueof']);
