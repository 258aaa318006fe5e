import { describe } from 'vitest';
import { backupKillTest } from './backupKill';

describe('the automatic backup at lock, killed at random points', () => backupKillTest('atLock'));
