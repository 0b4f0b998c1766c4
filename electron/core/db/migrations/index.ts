/**
 * The numbered migrations, in order. Each runs in one transaction and sets PRAGMA user_version
 * to its number. Never edit a migration that has shipped: add the next one.
 */
import * as m001 from './001-core';
import * as m002 from './002-actions';
import * as m003 from './003-balance';
import * as m004 from './004-partner';
import * as m005 from './005-home';
import * as m006 from './006-views';
import * as m007 from './007-invite-outbox';
import * as m008 from './008-search-grams';
import * as m009 from './009-text-sort-indexes';
import * as m010 from './010-staged-batches';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

export const MIGRATIONS: Migration[] = [
  { version: 1, name: 'core', up: m001.up },
  { version: 2, name: 'actions', up: m002.up },
  { version: 3, name: 'balance', up: m003.up },
  { version: 4, name: 'partner', up: m004.up },
  { version: 5, name: 'home', up: m005.up },
  { version: 6, name: 'views', up: m006.up },
  { version: 7, name: 'invite-outbox', up: m007.up },
  { version: 8, name: 'search-grams', up: m008.up },
  { version: 9, name: 'text-sort-indexes', up: m009.up },
  { version: 10, name: 'staged-batches', up: m010.up },
];
