"""
A check of a PDF against the machine-checkable failure conditions of PDF/UA-1 (the Matterhorn
Protocol) that a handout can meet or miss, read with pikepdf (Debian's python3-pikepdf). No PDF/UA
checker is packaged for npm or Debian; test/helpers/pdf-ua.ts says which conditions this covers.
Prints one JSON object: {"failures": [[checkpoint, message], ...], "tree": [...], "counts": {...},
"lang": the catalog's /Lang, "title": dc:title}.
"""
import json
import re
import sys

import pikepdf

STANDARD = {
    'Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index',
    'NonStruct', 'Private', 'P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'L', 'LI', 'Lbl', 'LBody',
    'Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot', 'Span', 'Quote', 'Note', 'Reference',
    'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'RB', 'RT', 'RP', 'Warichu', 'WT', 'WP', 'Figure',
    'Formula', 'Form',
}
PARENTS = {
    'LI': {'L'}, 'Lbl': {'LI'}, 'LBody': {'LI'}, 'TR': {'Table', 'THead', 'TBody', 'TFoot'},
    'TH': {'TR'}, 'TD': {'TR'}, 'THead': {'Table'}, 'TBody': {'Table'}, 'TFoot': {'Table'},
}
PAINT = {'Tj', 'TJ', "'", '"', 'Do', 'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'sh', 'EI'}

failures = []


def fail(checkpoint, message):
    if len(failures) < 200:
        failures.append([checkpoint, message])


def name(value):
    return str(value)[1:] if isinstance(value, pikepdf.Name) else str(value)


pdf = pikepdf.open(sys.argv[1])
root = pdf.Root
title = ''
counts = {'elements': 0, 'mcids': 0, 'artifacts': 0, 'paints': 0, 'links': 0, 'figures': 0}

# 06-001, 07-001: the PDF/UA identification and a title shown as the window's title.
if not pdf.pdf_version >= '1.7':
    fail('PDF/UA version', f'Expected PDF 1.7 or later, found {pdf.pdf_version}')
with pdf.open_metadata() as meta:
    if str(meta.get('{http://www.aiim.org/pdfua/ns/id/}part', '')) != '1':
        fail('06-002', 'Expected pdfuaid:part 1 in the XMP metadata')
    title = str(meta.get('dc:title', ''))
    if not title.strip():
        fail('06-003', 'Expected a dc:title in the XMP metadata')
prefs = root.get('/ViewerPreferences')
if prefs is None or not bool(prefs.get('/DisplayDocTitle', False)):
    fail('07-001', 'Expected ViewerPreferences /DisplayDocTitle true')
# 01-001, 11-001: marked, tagged, with a natural language.
mark_info = root.get('/MarkInfo')
if mark_info is None or not bool(mark_info.get('/Marked', False)):
    fail('06-001', 'Expected MarkInfo /Marked true')
if not str(root.get('/Lang', '')).strip():
    fail('11-001', 'Expected the catalog to have /Lang')
tree_root = root.get('/StructTreeRoot')
if tree_root is None:
    fail('01-006', 'Expected a structure tree')
    print(json.dumps({'failures': failures, 'tree': [], 'counts': counts, 'lang': str(root.get('/Lang', '')), 'title': title}))
    sys.exit(0)

role_map = tree_root.get('/RoleMap', {})
page_numbers = {page.objgen: index for index, page in enumerate(pdf.pages)}
referenced = set()  # (page index, mcid)
annotations_in_tree = set()
outline = []
headings = []


def walk(element, parent_type, depth):
    counts['elements'] += 1
    kind = name(element.get('/S'))
    mapped = name(role_map.get('/' + kind, '/' + kind)) if kind not in STANDARD else kind
    if mapped not in STANDARD:
        fail('02-001', f'Expected a standard structure type, found `{kind}`')
    if mapped in PARENTS and parent_type not in PARENTS[mapped]:
        fail('09-004', f'Expected `{mapped}` inside {sorted(PARENTS[mapped])}, found it in `{parent_type}`')
    if mapped == 'Figure':
        counts['figures'] += 1
        if not str(element.get('/Alt', element.get('/ActualText', ''))).strip():
            fail('13-004', 'Expected a Figure to have /Alt')
    if re.fullmatch(r'H[1-6]', mapped):
        headings.append(int(mapped[1]))
    outline.append('  ' * depth + mapped)
    page = element.get('/Pg')
    kids = element.get('/K')
    if kids is None:
        return
    if not isinstance(kids, pikepdf.Array):
        kids = [kids]
    for kid in kids:
        if isinstance(kid, int):
            if page is None:
                fail('01-005', f'Expected /Pg on `{kind}` with a marked-content id')
            else:
                referenced.add((page_numbers.get(page.objgen), int(kid)))
        elif isinstance(kid, pikepdf.Dictionary):
            kid_type = name(kid.get('/Type', ''))
            if kid_type == 'MCR':
                on = kid.get('/Pg', page)
                referenced.add((page_numbers.get(on.objgen), int(kid.MCID)))
            elif kid_type == 'OBJR':
                annotations_in_tree.add(kid.Obj.objgen)
                if mapped not in ('Link', 'Annot', 'Form'):
                    fail('28-011', f'Expected an annotation inside Link or Annot, found `{mapped}`')
            else:
                walk(kid, mapped, depth + 1)


kids = tree_root.get('/K')
for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
    walk(kid, 'StructTreeRoot', 0)

for previous, current in zip(headings, headings[1:]):
    if current > previous + 1:
        fail('14-003', f'Expected heading levels not to skip, found H{previous} then H{current}')

# 01-003, 01-004, 01-005: every painted item is an artifact or tagged content, no nesting.
for index, page in enumerate(pdf.pages):
    marked = set()
    stack = []
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ('BDC', 'BMC'):
            tag = name(operands[0])
            properties = operands[1] if op == 'BDC' else None
            mcid = None
            if isinstance(properties, pikepdf.Dictionary) and '/MCID' in properties:
                mcid = int(properties.MCID)
            if tag == 'Artifact':
                counts['artifacts'] += 1
                if any(entry[1] is not None for entry in stack):
                    fail('01-004', f'Expected no artifact inside tagged content (page {index + 1})')
            if mcid is not None:
                counts['mcids'] += 1
                if any(entry[1] is not None or entry[0] == 'Artifact' for entry in stack):
                    fail('01-005', f'Expected no tagged content inside other marked content (page {index + 1}, MCID {mcid})')
                if mcid in marked:
                    fail('01-005', f'Expected each MCID once per page, found {mcid} twice (page {index + 1})')
                marked.add(mcid)
            stack.append((tag, mcid))
        elif op == 'EMC':
            if not stack:
                fail('01-001', f'Expected EMC to close marked content (page {index + 1})')
            else:
                stack.pop()
        elif op in PAINT:
            counts['paints'] += 1
            if not any(entry[0] == 'Artifact' or entry[1] is not None for entry in stack):
                fail('01-005', f'Expected `{op}` on page {index + 1} to be tagged content or an artifact')
    if stack:
        fail('01-001', f'Expected every marked content closed at the end of page {index + 1}')
    for mcid in marked:
        if (index, mcid) not in referenced:
            fail('01-005', f'Expected MCID {mcid} of page {index + 1} in the structure tree')
    for mcid in {m for (p, m) in referenced if p == index} - marked:
        fail('01-005', f'Expected MCID {mcid} the tree names on page {index + 1} in its content')
    # 28-002, 28-011: annotations tagged, described; pages ordered by structure.
    annotations = page.get('/Annots', [])
    if len(annotations) > 0 and name(page.get('/Tabs', '')) != 'S':
        fail('28-010', f'Expected /Tabs /S on page {index + 1}, which has annotations')
    for annotation in annotations:
        if name(annotation.get('/Subtype')) == 'Popup':
            continue
        if name(annotation.get('/Subtype')) == 'Link':
            counts['links'] += 1
            if not str(annotation.get('/Contents', '')).strip():
                fail('28-008', f'Expected a link annotation on page {index + 1} to have /Contents')
        if annotation.objgen not in annotations_in_tree:
            fail('28-002', f'Expected an annotation on page {index + 1} in the structure tree')

# 31-001, 31-027: every font embedded, with a ToUnicode map.
seen = set()
for index, page in enumerate(pdf.pages):
    fonts = page.get('/Resources', {}).get('/Font', {})
    for key in fonts.keys():
        font = fonts[key]
        if font.objgen in seen:
            continue
        seen.add(font.objgen)
        subtype = name(font.get('/Subtype'))
        if subtype == 'Type3':
            continue
        descriptor_of = font.DescendantFonts[0] if subtype == 'Type0' else font
        descriptor = descriptor_of.get('/FontDescriptor')
        if descriptor is None or not any(k in descriptor for k in ('/FontFile', '/FontFile2', '/FontFile3')):
            fail('31-001', f'Expected font `{name(font.get("/BaseFont"))}` embedded')
        if '/ToUnicode' not in font:
            fail('31-027', f'Expected font `{name(font.get("/BaseFont"))}` to have a ToUnicode map')

print(json.dumps({'failures': failures, 'tree': outline, 'counts': counts, 'lang': str(root.get('/Lang', '')), 'title': title}, ensure_ascii=False))
