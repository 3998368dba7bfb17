import { MARKETPLACE_HOSTS } from '@/utils/marketplaces/hosts';

// Kept apart from the adapter so the background can decide where to inject without the readers.
export const pddMatches = MARKETPLACE_HOSTS.filter((h) => /yangkeduo\.com|pinduoduo\.com/.test(h));
