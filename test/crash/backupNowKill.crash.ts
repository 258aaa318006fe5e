import { describe } from 'vitest';
import { backupKillTest } from './backupKill';

describe('a backup made on request, killed at random points', () => backupKillTest('manual'));
