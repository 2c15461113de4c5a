/**
 * The demo site: three projects configured from the policy presets through the real settings
 * resolver, and 22 issues whose histories are played forward on the emulator clock through the
 * emulated Jira, so the real trigger, consumer and sweep compute every SLA (nothing is written
 * directly). Ends at real "now" with a spread of running, warning, paused, met and breached clocks.
 */
import type { Emulator } from './app';
import { realNow } from './clock';
import { USERS } from './jira/catalog';
import { addServiceDeskProject, changeFields, comment, createIssue, transition } from './server/actions';
import { extensionFor } from './server/control';

interface Step { at: number; run: (emu: Emulator, keys: Map<string, string>) => void }

const PROJECTS = [
  { key: 'SUP', name: 'Priority Support', presetId: 'atlassian-priority' },
  { key: 'HLP', name: 'Helpdesk Standard', presetId: 'idalko-standard' },
  { key: 'MAD', name: 'Madrid Support', presetId: 'deiser' },
];

const START_MIN = 2900;
const steps: Step[] = [];
const key = (keys: Map<string, string>, id: string): string => keys.get(id) ?? id;
function issue(id: string, at: number, project: string, summary: string, extra: Record<string, unknown> = {}): void {
  steps.push({ at, run: (emu, keys) => {
    const r = createIssue(emu, { project, summary, reporter: extra.reporter ?? USERS.customerCarla, ...extra });
    if (r.status === 201) keys.set(id, (r.body as { key: string }).key);
  } });
}
const reply = (id: string, at: number, text: string, as: string = USERS.agentAna, internal = false) =>
  steps.push({ at, run: (emu, keys) => void comment(emu, key(keys, id), { text, as, internal }) });
const move = (id: string, at: number, status: string) => steps.push({ at, run: (emu, keys) => void transition(emu, key(keys, id), { status, as: USERS.agentAna }) });
const assign = (id: string, at: number, who: string) => steps.push({ at, run: (emu, keys) => void changeFields(emu, key(keys, id), { assignee: who, as: USERS.agentAna }) });

// Priority Support: L1 (Highest) is 1 h around the clock, so these states hold on any weekday.
issue('s1', 25, 'SUP', 'Checkout returns 500 for every customer', { priority: 'Highest' });
issue('s2', 52, 'SUP', 'Payment webhook retries piling up', { priority: 'Highest' });
issue('s3', 180, 'SUP', 'Login page blank after deploy', { priority: 'Highest' });
issue('s4', 240, 'SUP', 'Cannot export reports to PDF', { priority: 'Highest' });
reply('s4', 225, 'Reproduced; a fix is rolling out now.');
issue('s5', 300, 'SUP', 'Search index is stale', { priority: 'Highest' });
reply('s5', 290, 'Checking the indexer logs (internal).', USERS.agentBen, true);
reply('s5', 150, 'We are rebuilding the index; results will be fresh within the hour.', USERS.agentBen);
issue('s6', 600, 'SUP', 'Email digests delayed', { priority: 'High' });
issue('s7', 1500, 'SUP', 'Question about SSO setup', { priority: 'Medium', reporter: USERS.customerDan });
issue('s8', 2000, 'SUP', 'Typo in invoice template', { priority: 'Low' });
reply('s8', 1900, 'Thanks, corrected in the template.');
move('s8', 1800, 'Resolved');
issue('s9', 100, 'SUP', 'API rate limit documentation unclear', { priority: 'Highest', reporter: USERS.customerDan });
reply('s9', 95, 'Any update? This blocks our release.', USERS.customerDan);
reply('s9', 70, 'The limits are per user; I have sent you the table.');
issue('s10', 40, 'SUP', 'Sandbox environment down', { priority: 'Highest' });
assign('s10', 35, USERS.agentAna);
// Helpdesk Standard: Severity A–D on CET business hours, paused while waiting for the customer.
issue('h1', 2800, 'HLP', 'VPN drops every hour', { severity: 'Severity A' });
move('h1', 2700, 'Waiting for customer');
issue('h2', 2600, 'HLP', 'New laptop request', { severity: 'Severity C', issueType: 'Service Request' });
move('h2', 2500, 'In Progress');
issue('h3', 2880, 'HLP', 'Printer queue stuck', { severity: 'Severity B' });
move('h3', 2870, 'Waiting for customer');
move('h3', 100, 'Waiting for support');
issue('h4', 1000, 'HLP', 'Shared drive permissions', { severity: 'Severity D', reporter: USERS.customerDan });
move('h4', 900, 'Waiting for customer');
issue('h5', 2870, 'HLP', 'Outlook crashes on start', { severity: 'Severity A' });
issue('h6', 2000, 'HLP', 'Password reset', { severity: 'Severity C' });
reply('h6', 1990, 'Reset link sent.');
move('h6', 1980, 'Resolved');
// Madrid Support: first response within one Madrid business day.
issue('m1', 2860, 'MAD', 'Licencia de Jira caducada');
issue('m2', 60, 'MAD', 'Configurar SSO con Azure AD');
issue('m3', 2000, 'MAD', 'Migración a Cloud: dudas', { reporter: USERS.customerDan });
reply('m3', 1950, 'Te enviamos la guía de migración.');
issue('m4', 1440, 'MAD', 'Error en la app de Tempo');
move('m4', 1400, 'Waiting for customer');
issue('m5', 300, 'MAD', 'Solicitud de formación');
issue('m6', 2850, 'MAD', 'Actualizar plugin de Confluence');
reply('m6', 100, 'Actualizado a la última versión.');

async function configure(emu: Emulator, projectId: string, presetId: string): Promise<string | null> {
  const runtime = emu.runtime;
  const module = runtime?.manifest.uiModules.find((m) => m.type === 'jira:projectSettingsPage');
  if (!runtime || !module) return 'no settings module in manifest.yml';
  const ask = (functionKey: string, payload: unknown) => runtime.invokeResolver({ moduleKey: module.key, accountId: USERS.admin, functionKey, payload, extension: extensionFor(emu, module.key, undefined, projectId) }) as Promise<{ ok: boolean; data?: { policy?: unknown }; error?: { message: string } }>;
  const preset = await ask('settings.applyPreset', { presetId });
  if (!preset.ok) return preset.error?.message ?? 'applyPreset failed';
  const saved = await ask('settings.save', { policy: preset.data?.policy, expectedVersion: 0 });
  return saved.ok ? null : saved.error?.message ?? 'save failed';
}

/**
 * Seeds an empty site; returns problems (empty when everything was configured). The histories end at
 * real "now", or at `endAt` (epoch ms) when given: the clock is then left shifted to that instant, so a
 * test's calendars, business hours and weekends do not depend on the time of day it runs.
 */
export async function seedDemo(emu: Emulator, endAt?: number): Promise<string[]> {
  const problems: string[] = [];
  const shift = endAt === undefined ? 0 : endAt - realNow();
  emu.clock.setOffset(shift - START_MIN * 60_000);
  emu.runtime?.resetSchedule();
  for (const p of PROJECTS) {
    const project = emu.site.project(p.key) ?? addServiceDeskProject(emu, p.key, p.name);
    const problem = await configure(emu, project.id, p.presetId);
    if (problem) problems.push(`${p.key}: ${problem}`);
  }
  const keys = new Map<string, string>();
  for (const step of [...steps].sort((a, b) => b.at - a.at)) {
    const target = shift - step.at * 60_000;
    if (target > emu.clock.offsetMs()) await emu.advance(target - emu.clock.offsetMs());
    step.run(emu, keys);
    await emu.drain();
  }
  await emu.advance(Math.max(0, shift - emu.clock.offsetMs()));
  emu.clock.setOffset(shift);
  emu.runtime?.runDueScheduled(true);
  await emu.drain();
  emu.markDirty();
  return problems;
}
