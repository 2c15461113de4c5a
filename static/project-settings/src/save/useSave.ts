/**
 * Saving with optimistic concurrency: the page sends the version it loaded, and a newer version on
 * the server comes back as VERSION_CONFLICT instead of being overwritten.
 */
import { useState } from 'react';
import type { ErrorCode, FieldIssue, ProjectConfig, RecomputeProgress } from '@contract';
import type { PolicySpec } from '@core/browser';
import { call } from '../../../shared/api';

export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; recompute: RecomputeProgress }
  | { status: 'checking' }
  | { status: 'checked'; count: number }
  /** `saving`: a save was refused; otherwise a check found problems and nothing was being saved. */
  | { status: 'invalid'; message: string; saving: boolean }
  | { status: 'conflict'; message: string }
  | { status: 'failed'; code: ErrorCode; message: string };

interface Options {
  /** Version the draft was based on; 0 when the project has never been saved. */
  baseVersion: number;
  onSaved: (config: ProjectConfig) => void;
  /** The server's issues, with the draft they are about (to name things in messages). */
  onIssues: (issues: FieldIssue[], policy: PolicySpec) => void;
}

export function useSave({ baseVersion, onSaved, onIssues }: Options) {
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  /** `recomputeResolvedSince`: also recompute resolved issues (see ResolvedChoice); null for open issues only. */
  const save = async (policy: PolicySpec, recomputeResolvedSince: string | null = null) => {
    setState({ status: 'saving' });
    const res = await call('settings.save', { policy, expectedVersion: baseVersion, ...(recomputeResolvedSince ? { recomputeResolvedSince } : {}) });
    if (res.ok) {
      onIssues([], policy);
      onSaved(res.data.config);
      setState({ status: 'saved', recompute: res.data.recompute });
      return;
    }
    const { code, message, details } = res.error;
    if (code === 'VALIDATION_FAILED') {
      onIssues(details ?? [], policy);
      setState({ status: 'invalid', message, saving: true });
    } else if (code === 'VERSION_CONFLICT') {
      setState({ status: 'conflict', message });
    } else {
      setState({ status: 'failed', code, message });
    }
  };
  /** Asks the backend to validate the draft without saving it. */
  const check = async (policy: PolicySpec) => {
    setState({ status: 'checking' });
    const res = await call('settings.validate', { policy });
    if (!res.ok) return setState({ status: 'failed', code: res.error.code, message: res.error.message });
    onIssues(res.data.issues, policy);
    setState(res.data.issues.length > 0 ? { status: 'invalid', message: 'Problems found.', saving: false } : { status: 'checked', count: 0 });
  };
  const reset = () => setState({ status: 'idle' });
  return { state, save, check, reset };
}
