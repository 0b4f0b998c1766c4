/**
 * 006: saved views of the client list (electron/core/views/store.ts), one row per tab in tab order.
 * `name` is the user's text; a default view keeps `default_key` and a NULL name, so its name
 * follows the language. `spec` is the view's filter, sort and columns as JSON
 * (shared/contract/rpc/views.ts ViewSpec). The defaults are put in on first read (meta
 * settings.viewsSeeded), so a user who deleted them all keeps an empty tab bar.
 */
export const up = `
CREATE TABLE saved_views (
  id          TEXT PRIMARY KEY,
  position    INTEGER NOT NULL,
  name        TEXT,
  default_key TEXT,
  spec        TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  CHECK (name IS NOT NULL OR default_key IS NOT NULL)
) STRICT;
CREATE INDEX saved_views_position ON saved_views (position, id);
`;
