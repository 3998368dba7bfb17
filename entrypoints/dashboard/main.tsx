import { createRoot } from 'react-dom/client';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { applyLocaleSetting } from '@/components/ui/apply-locale';
import '@/components/ui/base.css';

void applyLocaleSetting().then(() => createRoot(document.getElementById('root')!).render(<DashboardApp />));
