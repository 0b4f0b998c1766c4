/**
 * Become a partner: the application goes to the connected platform's public
 * `POST /partner-applications`. With no connection there is nowhere to post it: the call fails
 * with 'not_configured' and the screen offers the partner program page and the application text
 * for the partner mailbox instead.
 */
import { AppError } from '../../../shared/contract/rpc/errors';
import { LIMITS } from '../../../shared/contract/platform';
import { checkEmail, checkPhone, checkText } from '../../../shared/domain/validation';
import type { z } from 'zod';
import type { ApplyInput } from '../../../shared/contract/rpc/partner';
import type { CoreContext } from '../context';
import { recordAudit, single } from '../actions/audit';
import { randomUUID } from 'node:crypto';

type Input = z.output<typeof ApplyInput>;

/** Per-field reasons (errors.field.<reason>), or null when the form is fine. */
export function checkApplication(v: Pick<Input, 'name' | 'email' | 'phone' | 'company' | 'message'>): Record<string, string> | null {
  const fields: Record<string, string> = {};
  const put = (k: string, r: string | null) => {
    if (r) fields[k] = r;
  };
  put('name', checkText(v.name, LIMITS.name, true));
  put('email', checkEmail(v.email));
  put('phone', checkPhone(v.phone, true));
  put('company', checkText(v.company, LIMITS.company, true));
  put('message', checkText(v.message, LIMITS.message));
  return Object.keys(fields).length ? fields : null;
}

export async function apply(ctx: CoreContext, input: Input): Promise<{ id: string; receivedAt: string }> {
  const fields = checkApplication(input);
  if (fields) throw new AppError('invalid_input', 'The application has invalid fields', { fields });
  // Throws AppError('not_configured') when no platform is connected.
  const receipt = await ctx.api().applyPartner({
    name: input.name.trim(),
    email: input.email.trim(),
    phone: input.phone.trim(),
    company: input.company.trim(),
    message: input.message,
  }, randomUUID());
  recordAudit(ctx.db, {
    at: ctx.now(),
    action: 'apply',
    clientIds: [],
    detail: `${input.company.trim()} · ${input.email.trim()}`,
    result: single(true),
    extraSearch: [receipt.id, input.name.trim()],
  });
  ctx.changed(['audit']);
  return { id: receipt.id, receivedAt: receipt.received_at };
}
