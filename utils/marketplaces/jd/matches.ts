import { MARKETPLACE_HOSTS } from '@/utils/marketplaces/hosts';

// Kept apart from the adapter so the background can decide where to inject without the readers.
export const jdMatches = MARKETPLACE_HOSTS.filter((h) => /\.jd\.com\//.test(h));
