#!/usr/bin/env python3
"""check_docx_notes.py DOC.docx NOTES.json: compare word/footnotes.xml with the ground truth."""
import zipfile,re,json,html,sys
z=zipfile.ZipFile(sys.argv[1])
x=z.read('word/footnotes.xml').decode()
fns=re.findall(r'<w:footnote( [^>]*)>(.*?)</w:footnote>',x,re.S)
notes=json.load(open(sys.argv[2]))
texts=[]
for attrs,body in fns:
    if 'w:type=' in attrs: continue
    t=''.join(html.unescape(m) for m in re.findall(r'<w:t(?: [^>]*)?>([^<]*)</w:t>',body))
    texts.append(t.strip())
print('footnotes in docx:',len(texts),'expected',len(notes))
bad=0
for n,t in zip(notes,texts):
    if t!=n['text']:
        if ' '.join(t.split())==' '.join(n['text'].split()): print('  whitespace-only difference in note',n['number'])
        else: bad+=1;print('DIFF',n['number'],repr(t[:100]),'\n   ',repr(n['text'][:100]))
print('bad',bad)
if bad or len(texts) != len(notes):
    sys.exit(1)
