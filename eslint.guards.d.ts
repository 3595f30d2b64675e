import type { Linter } from 'eslint';

export declare const layoutGuards: Linter.Config[];
