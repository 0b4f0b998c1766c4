import { z } from 'zod';

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}
export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodDef<I, O> {
  return { input, output };
}
export type MethodMap = Record<string, MethodDef>;
export const NoInput = z.strictObject({});
