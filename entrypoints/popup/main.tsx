import { render } from 'preact';
import { Popup } from '@/components/Popup';
import { askBackground } from '@/lib/messages/client';
import '@/components/theme.css';

render(<Popup loadStatus={() => askBackground({ type: 'vault.status' })} />, document.getElementById('app')!);
