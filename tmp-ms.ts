import { check, applyFixes } from './server/src/index.ts';
const show = (t: string, c?: any) => { const fs = check(t, c).filter(f => f.rule === 'mixed-script'); console.log(JSON.stringify(t.slice(0,40)), fs.map(f => [t.slice(f.start, f.end), f.message, f.fix?.edits.map(e => [t.slice(e.start,e.end), e.newText])])); console.log('  fixed:', applyFixes(t, fs).text.slice(0, 80)); };
show('2023年，在市委、市政府的正確領導下，我镇坚持依法行政。');
show('我镇设(shè)置專(zhuān)班，推进工作。');
show('我鎮堅持領導干部帶頭學法，不得干涉司法活動，提高群眾滿意度。', { script: 'traditional' });
show('我镇坚持领导干部带头学法，不得干涉司法活动。但是我們堅持。', { script: 'traditional' });
show('代码 `正確` 不算，正確算。');
