/**
 * Become a partner: the application goes to the platform's public `POST /partner-applications`
 * (no token). It works before any connection is configured: then it goes to the address the
 * form names, else VK Cloud's.
 */
import { AppError } from '../../../shared/contract/rpc/errors';
import { CONNECTION_PRESETS } from '../../../shared/contract/rpc/app';
import { LIMITS } from '../../../shared/contract/platform';
import { checkEmail, checkPhone, checkText } from '../../../shared/domain/validation';
import type { z } from 'zod';
import type { ApplyInput } from '../../../shared/contract/rpc/partner';
import type { CoreContext } from '../context';
import { randomUUID } from 'node:crypto';
import { PartnerApi } from '../partner-api/client';
import { getMeta } from '../settings/store';

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

/** The platform to send an application to: the configured connection, else the form's, else VK Cloud. */
function targetUrl(ctx: CoreContext, input: Input): string {
  try {
    return ctx.api().baseUrl.replace(/\/partner\/api\/v1$/, '');
  } catch {
    /* no connection: fall through */
  }
  if (input.platformUrl) return input.platformUrl;
  const saved = getMeta(ctx.db, 'connection.url');
  return saved ?? CONNECTION_PRESETS.vk;
}

export async function apply(ctx: CoreContext, input: Input): Promise<{ id: string; receivedAt: string }> {
  const fields = checkApplication(input);
  if (fields) throw new AppError('invalid_input', 'The application has invalid fields', { fields });
  const api = new PartnerApi({ baseUrl: targetUrl(ctx, input), token: '', maxRetries: 2 });
  const receipt = await api.applyPartner({
    name: input.name.trim(),
    email: input.email.trim(),
    phone: input.phone.trim(),
    company: input.company.trim(),
    message: input.message,
  }, randomUUID());
  return { id: receipt.id, receivedAt: receipt.received_at };
}
