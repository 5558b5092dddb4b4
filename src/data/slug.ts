/** Provider ids: lower-case kebab-case slugs (stable once released). */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
