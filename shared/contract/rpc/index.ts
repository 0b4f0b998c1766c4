/**
 * The whole RPC contract: method name -> input and output schemas. The core parses every input
 * with it, the bridge is typed from it. Each feature keeps its methods in its own file.
 */
import type { z } from 'zod';
import type { MethodMap } from './define';
import { appMethods } from './app';
import { clientsMethods } from './clients';
import { actionsMethods } from './actions';
import { balanceMethods } from './balance';
import { partnerMethods } from './partner';
import { localMethods } from './local';
import { homeMethods } from './home';
import { paletteMethods } from './palette';
import { viewsMethods } from './views';

export const METHODS = {
  ...appMethods,
  ...clientsMethods,
  ...actionsMethods,
  ...balanceMethods,
  ...partnerMethods,
  ...localMethods,
  ...homeMethods,
  ...paletteMethods,
  ...viewsMethods,
} satisfies MethodMap;

export type Methods = typeof METHODS;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(METHODS, name);
}

export * from './define';
export * from './errors';
export * from './app';
export * from './clients';
export * from './actions';
export * from './balance';
export * from './partner';
export * from './local';
export * from './home';
export * from './palette';
export * from './views';
