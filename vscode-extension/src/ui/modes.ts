// The approval/sandbox modes a user picks from, mapped onto the protocol's policy values.
import type { AskForApproval, SandboxMode, SandboxPolicy } from '../protocol';

export type ModeId = 'chat' | 'ask' | 'agent' | 'full';

export interface Mode {
  id: ModeId;
  label: string;
  detail: string;
  approvalPolicy: AskForApproval;
  sandbox: SandboxMode;
}

export const MODES: Mode[] = [
  { id: 'chat', label: 'Chat (read-only)', detail: 'Reads files, asks before anything else', approvalPolicy: 'on-request', sandbox: 'read-only' },
  { id: 'ask', label: 'Ask every time', detail: 'Asks before each command or edit', approvalPolicy: 'untrusted', sandbox: 'workspace-write' },
  { id: 'agent', label: 'Agent', detail: 'Edits the workspace, asks for more', approvalPolicy: 'on-request', sandbox: 'workspace-write' },
  { id: 'full', label: 'Full access', detail: 'Never asks; no sandbox', approvalPolicy: 'never', sandbox: 'danger-full-access' },
];

export function modeById(id: string | undefined): Mode {
  return MODES.find((m) => m.id === id) ?? MODES[1];
}

export function sandboxPolicyOf(mode: Mode): SandboxPolicy {
  switch (mode.sandbox) {
    case 'read-only':
      return { type: 'readOnly', networkAccess: false };
    case 'workspace-write':
      return { type: 'workspaceWrite', writableRoots: [], networkAccess: false, excludeTmpdirEnvVar: false, excludeSlashTmp: false };
    case 'danger-full-access':
      return { type: 'dangerFullAccess' };
  }
}

export const EFFORTS = ['low', 'medium', 'high'] as const;
