/** The main window's size and position, remembered in userData/window.json. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen } from 'electron';
import { z } from 'zod';
import { log } from './log';

const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

export const DEFAULT_STATE: WindowState = { width: 1280, height: 800, maximized: false };

export function loadWindowState(userData: string): WindowState {
  try {
    const parsed = WindowState.safeParse(JSON.parse(readFileSync(join(userData, 'window.json'), 'utf8')));
    if (!parsed.success) return DEFAULT_STATE;
    const s = parsed.data;
    // Forget the position when its display is gone (an unplugged monitor).
    if (s.x !== undefined && s.y !== undefined) {
      const visible = screen.getAllDisplays().some(({ workArea: a }) => {
        const x = s.x ?? 0;
        const y = s.y ?? 0;
        return x + 100 > a.x && y + 50 > a.y && x < a.x + a.width - 100 && y < a.y + a.height - 50;
      });
      if (!visible) return { width: s.width, height: s.height, maximized: s.maximized };
    }
    return s;
  } catch {
    return DEFAULT_STATE;
  }
}

export function saveWindowState(userData: string, state: WindowState): void {
  try {
    writeFileSync(join(userData, 'window.json'), JSON.stringify(state));
  } catch (err) {
    log.error('could not save the window state:', err);
  }
}
