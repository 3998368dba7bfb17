import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/PopupApp';
import { applyLocaleSetting } from '@/components/ui/apply-locale';

void applyLocaleSetting().then(() => createRoot(document.getElementById('root')!).render(<PopupApp />));
