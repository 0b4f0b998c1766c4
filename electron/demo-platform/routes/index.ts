/**
 * Every route module of the demo platform. A module adds handlers keyed like the contract
 * (`${method} ${path}` from shared/contract/endpoints.ts) and may create its own tables in `init`
 * (CREATE TABLE IF NOT EXISTS …, run once at start). An endpoint without a handler answers 501.
 */
import type { Db } from '../db';
import { clientRoutes } from './clients';
import { feedRoutes } from './feeds';
import { ledgerRoutes } from './ledger';
import { miscRoutes } from './misc';
import { dealRoutes, initDeals } from './deals';
import type { Routes } from './types';

export interface RouteModule {
  routes: Routes;
  init?: (db: Db) => void;
}

export const ROUTE_MODULES: RouteModule[] = [
  { routes: clientRoutes },
  { routes: feedRoutes },
  { routes: ledgerRoutes },
  { routes: miscRoutes },
  { routes: dealRoutes, init: initDeals },
];
