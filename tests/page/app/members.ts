import { h } from 'preact';
import { definePage } from '../../../runtime/page/index.ts';
import { membersOnly } from './middleware.ts';

export default definePage(() => h('p', { id: 'members' }, 'Welcome, member.'), { use: [membersOnly] });
