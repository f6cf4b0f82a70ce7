/*
 * report_html.c - `--format html`: one self-contained review page for an editor
 * (docs/html-review.md): every checked text in full with its findings highlighted in
 * the colour of their rule family; hovering or focusing a highlight shows rule,
 * severity, message and suggestions; a side list jumps to each finding; filters by
 * family and severity; a summary; keys n/j and p/k go to the next and previous finding.
 *
 * Safety: every byte of a text, path, message or suggestion (messages quote the text
 * and the glossary) goes through esc(), which writes & < > " ' as entities, so no
 * input can open a tag or leave an attribute. The page loads nothing: its
 * Content-Security-Policy is default-src 'none', and its one style and one script are
 * allowed by their SHA-256 alone (no 'unsafe-inline'), so even a tag that escaped
 * escaping could not run or load anything. The script only reads data-* attributes
 * and writes with textContent.
 *
 * Layout: the texts are streamed as they come (a file's highlights are written at its
 * file_end, from the findings the reporter was handed); the side list and the summary
 * are known only at the end, so they are written after the texts and a CSS grid puts
 * the summary on top and the list at the side.
 *
 * Overlapping findings: highlights nest; a finding that crosses the end of the one it
 * starts in is cut there in the text (the side list has it whole). Each line of a text
 * is a block of its own; a finding over several lines continues on each of them
 * (data-of names the finding) and only its first part takes the focus.
 */
#include "report.h"
#include "sha256.h"

#include <stdlib.h>
#include <string.h>

#define MAX_FAMILIES 32

typedef struct {
    const tl_finding **v; /* the current file's findings (borrowed until file_end) */
    size_t n, cap;
    char *side; /* the side list so far (open_memstream) */
    size_t side_len;
    FILE *sidef;
    size_t next_id; /* findings numbered across the run: #f1, #f2, ... */
    const char *fam[MAX_FAMILIES];
    size_t nfam;
    size_t per_fam[MAX_FAMILIES];
} html_state;

/* Writes n bytes of s as HTML text or attribute value. */
static void esc(FILE *o, const char *s, size_t n)
{
    const char *run = s;
    for (size_t i = 0; i < n; i++) {
        const char *e = NULL;
        switch (s[i]) {
        case '&': e = "&amp;"; break;
        case '<': e = "&lt;"; break;
        case '>': e = "&gt;"; break;
        case '"': e = "&quot;"; break;
        case '\'': e = "&#39;"; break;
        case '\0': e = "&#xFFFD;"; break;
        default: continue;
        }
        fwrite(run, 1, (size_t)(s + i - run), o);
        fputs(e, o);
        run = s + i + 1;
    }
    fwrite(run, 1, (size_t)(s + n - run), o);
}

static void escs(FILE *o, const char *s) { esc(o, s ? s : "", s ? strlen(s) : 0); }

/* the families' colours, in the order of the rule table */
static const char *const palette[] = {"#f6c177", "#eb6f92", "#9ccfd8", "#c4a7e7", "#f2cdcd",
                                      "#a6e3a1", "#fab387", "#89b4fa", "#f9e2af", "#94e2d5",
                                      "#cba6f7", "#eba0ac", "#b4befe", "#74c7ec"};

/* The families of the rule table, in order (st->fam). */
static void families(html_state *st)
{
    for (size_t r = 0; r < tl_rule_count(); r++) {
        const char *f = tl_rule_info_get((tl_rule)r)->family;
        size_t k = 0;
        while (k < st->nfam && strcmp(st->fam[k], f))
            k++;
        if (k == st->nfam && st->nfam < MAX_FAMILIES)
            st->fam[st->nfam++] = f;
    }
}

static size_t family_index(const html_state *st, tl_rule r)
{
    const char *f = tl_rule_info_get(r)->family;
    for (size_t k = 0; k < st->nfam; k++)
        if (!strcmp(st->fam[k], f))
            return k;
    return 0;
}

static const char style_base[] =
    "*{box-sizing:border-box}"
    "body{margin:0;font:15px/1.5 system-ui,sans-serif;color:#1e1e2e;background:#fafafa;"
    "display:grid;grid-template-columns:minmax(0,1fr) 24rem;grid-template-areas:'head head' "
    "'main side';min-height:100vh}"
    "header{grid-area:head;padding:.6rem 1rem;background:#313244;color:#f5f5f5}"
    "header h1{font-size:1.1rem;margin:0 0 .3rem}header p{margin:.2rem 0}"
    "header label{margin-right:.8rem;white-space:nowrap}"
    "main{grid-area:main;padding:0 1rem 40vh;min-width:0}"
    "aside{grid-area:side;border-left:1px solid #ccc;background:#fff;position:sticky;top:0;"
    "overflow-wrap:anywhere;"
    "height:100vh;overflow:auto;font-size:13px}"
    "aside ol{margin:0;padding:.5rem .5rem .5rem 2.2rem}"
    "aside li{margin:.25rem 0}"
    "aside a{color:#1e66f5;text-decoration:none}aside .m{color:#444}"
    "h2{font-size:1rem;margin:1.2rem 0 .4rem;font-family:monospace}"
    ".text{white-space:pre-wrap;overflow-wrap:anywhere;font:15px/1.7 Georgia,serif;"
    "background:#fff;border:1px solid #ddd;padding:.8rem;margin:0}"
    ".l{min-height:1.7em}"
    "mark{border-radius:3px;padding:0 1px;cursor:help;color:inherit}"
    "mark:focus{outline:2px solid #1e1e2e}mark:empty{padding:0 3px}"
    "mark.s-error{box-shadow:inset 0 -2px #d20f39}"
    "mark.s-warning{box-shadow:inset 0 -2px #df8e1d}"
    "mark.s-info{box-shadow:inset 0 -1px #777}"
    ".sw{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.2em}"
    "#tip{position:absolute;display:none;max-width:32rem;background:#1e1e2e;color:#f5f5f5;"
    "padding:.4rem .6rem;border-radius:4px;font-size:13px;z-index:10;"
    "box-shadow:0 2px 8px rgba(0,0,0,.3)}#tip p{margin:.2rem 0}#tip .sev{opacity:.8}"
    ".keys{opacity:.8;font-size:12px}";

/* The page's style: the base, then each family's colour and the hiding rules of the
 * filters (a class hide-f-X or hide-s-Y on the body). */
static char *style_of(const html_state *st, size_t *len)
{
    char *s = NULL;
    FILE *o = open_memstream(&s, len);
    if (!o)
        return NULL;
    fputs(style_base, o);
    for (size_t k = 0; k < st->nfam; k++) {
        const char *c = palette[k % (sizeof palette / sizeof palette[0])];
        fprintf(o, "mark.f-%s,.sw.f-%s{background:%s}", st->fam[k], st->fam[k], c);
        fprintf(o, ".hide-f-%s mark.f-%s{background:none;box-shadow:none}", st->fam[k], st->fam[k]);
        fprintf(o, ".hide-f-%s li.f-%s{display:none}", st->fam[k], st->fam[k]);
    }
    static const char *const sev[] = {"error", "warning", "info"};
    for (int k = 0; k < 3; k++)
        fprintf(
            o,
            ".hide-s-%s mark.s-%s{background:none;box-shadow:none}.hide-s-%s li.s-%s{display:none}",
            sev[k], sev[k], sev[k], sev[k]);
    if (fclose(o)) {
        free(s);
        return NULL;
    }
    return s;
}

/* The page's script: tooltips, keys, filters, the finding named by the URL (#fN
 * scrolls to it; ?show=fN shows it where the page is). It runs once the page is parsed
 * (it is the last element) and marks the root: data-ready, data-load-ms (time from
 * navigation to the end of the script); with ?selftest it switches every filter off and
 * on again and says in data-filter-ms how long the slowest switch took, layout
 * included (tests/tools/html-review.sh). */
static const char script[] =
    "(function(){'use strict';"
    "var d=document,b=d.body,tip=d.getElementById('tip'),cur=null;"
    "function add(p,tag,cls,t){var e=d.createElement(tag);if(cls)e.className=cls;"
    "e.textContent=t;p.appendChild(e);return e;}"
    "function on(m){return!(b.classList.contains('hide-f-'+m.getAttribute('data-fam'))||"
    "b.classList.contains('hide-s-'+m.getAttribute('data-sev')));}"
    "function show(m){cur=m;tip.textContent='';var h=add(tip,'p','','');"
    "add(h,'b','',m.getAttribute('data-rule'));add(h,'span','sev',' '+m.getAttribute('data-sev'));"
    "add(tip,'p','msg',m.getAttribute('data-msg'));var s=m.getAttribute('data-sug');"
    "if(s)s.split('\\n').forEach(function(x){add(tip,'p','sug','suggestion: '+x);});"
    "var r=m.getBoundingClientRect();tip.style.display='block';"
    "tip.style.left=Math.max(4,r.left+window.scrollX)+'px';"
    "tip.style.top=(r.bottom+window.scrollY+6)+'px';}"
    "function hide(){tip.style.display='none';cur=null;}"
    "d.addEventListener('mouseover',function(e){var m=e.target.closest&&"
    "e.target.closest('main mark');if(m&&on(m))show(m);else if(!e.target.closest('#tip')&&"
    "cur&&cur!==d.activeElement)hide();});"
    "d.addEventListener('focusin',function(e){var m=e.target.closest&&"
    "e.target.closest('main mark');if(m)show(m);});"
    "function all(){return Array.prototype.filter.call(d.querySelectorAll('main mark[id]'),on);}"
    "function go(step){var v=all();if(!v.length)return;var i=v.indexOf(d.activeElement);"
    "i=i<0?(step>0?0:v.length-1):(i+step+v.length)%v.length;"
    "v[i].scrollIntoView({block:'center'});v[i].focus({preventScroll:true});}"
    "d.addEventListener('keydown',function(e){if(e.altKey||e.ctrlKey||e.metaKey||"
    "/^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName))return;"
    "if(e.key==='n'||e.key==='j'){go(1);e.preventDefault();}"
    "else if(e.key==='p'||e.key==='k'){go(-1);e.preventDefault();}"
    "else if(e.key==='Escape')hide();});"
    "Array.prototype.forEach.call(d.querySelectorAll('input[data-hide]'),function(c){"
    "c.addEventListener('change',function(){b.classList.toggle('hide-'+c.getAttribute("
    "'data-hide'),!c.checked);hide();});});"
    "function fromHash(){var q=/[?&]show=(f[0-9]+)/.exec(location.search),"
    "id=location.hash?location.hash.slice(1):q?q[1]:'',m=id&&d.getElementById(id);"
    "if(m&&m.tagName==='MARK'){m.focus({preventScroll:true});show(m);}}"
    "window.addEventListener('hashchange',fromHash);fromHash();"
    "var r=d.documentElement;r.setAttribute('data-load-ms',Math.round(performance.now()));"
    "if(/[?&]selftest\\b/.test(location.search)){var w=0;"
    "Array.prototype.forEach.call(d.querySelectorAll('input[data-hide]'),function(c){"
    "for(var k=0;k<2;k++){var t=performance.now();c.click();void b.offsetHeight;"
    "w=Math.max(w,performance.now()-t);}});"
    "r.setAttribute('data-filter-ms',Math.round(w));}"
    "r.setAttribute('data-ready','1');})();";

static void begin(reporter *rp)
{
    html_state *st = rp->state;
    families(st);
    st->sidef = open_memstream(&st->side, &st->side_len);
    size_t slen = 0;
    char *style = style_of(st, &slen);
    char hs[45], hj[45];
    sha256_base64(style ? style : "", style ? slen : 0, hs);
    sha256_base64(script, strlen(script), hj);
    fprintf(rp->out,
            "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'sha256-%s'; script-src 'sha256-%s'; img-src 'none'; font-src 'none'; "
            "connect-src 'none'; base-uri 'none'; form-action 'none'\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"generator\" content=\"termlint %s\">\n"
            "<title>termlint review</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n",
            hs, hj, tl_version(), style ? style : "");
    free(style);
}

static void file(reporter *rp, const report_file *f)
{
    html_state *st = rp->state;
    st->n = 0;
    fputs("<section>\n<h2>", rp->out);
    escs(rp->out, f->path);
    fputs("</h2>\n", rp->out);
}

static void finding(reporter *rp, const report_file *f, const tl_finding *x, size_t i)
{
    (void)f, (void)i;
    html_state *st = rp->state;
    if (st->n == st->cap) {
        size_t c = st->cap ? 2 * st->cap : 64;
        const tl_finding **v = realloc(st->v, c * sizeof *v);
        if (!v)
            return; /* the finding is left out of the page; the others are shown */
        st->v = v;
        st->cap = c;
    }
    st->v[st->n++] = x;
}

static int by_span(const void *pa, const void *pb)
{
    const tl_finding *a = *(const tl_finding *const *)pa, *b = *(const tl_finding *const *)pb;
    if (a->offset != b->offset)
        return a->offset < b->offset ? -1 : 1;
    if (a->length != b->length)
        return a->length > b->length ? -1 : 1; /* the enclosing one opens first */
    return (int)a->rule - (int)b->rule;
}

/* The opening tag of finding x, numbered id. */
static void open_mark(html_state *st, FILE *o, const tl_finding *x, size_t id, int cont)
{
    const char *fam = st->fam[family_index(st, x->rule)];
    const char *sev = tl_severity_str(x->severity);
    if (cont) /* the finding's continuation on a following line: no id, no tab stop */
        fprintf(o, "<mark data-of=\"f%zu\" class=\"f-%s s-%s\" ", id, fam, sev);
    else
        fprintf(o, "<mark id=\"f%zu\" tabindex=\"0\" class=\"f-%s s-%s\" ", id, fam, sev);
    fprintf(o, "data-fam=\"f-%s\" data-sev=\"%s\" data-rule=\"%s\" data-msg=\"", fam, sev,
            tl_rule_id(x->rule));
    escs(o, x->message);
    fputs("\"", o);
    if (x->nsuggestions) {
        fputs(" data-sug=\"", o);
        for (size_t k = 0; k < x->nsuggestions; k++) {
            if (k)
                fputs("&#10;", o);
            escs(o, x->suggestions[k]);
        }
        fputs("\"", o);
    }
    fputs(">", o);
}

/* The side list's entry of finding x. */
static void side_entry(html_state *st, const report_file *f, const tl_finding *x, size_t id)
{
    FILE *o = st->sidef;
    if (!o)
        return;
    const char *fam = st->fam[family_index(st, x->rule)];
    fprintf(o, "<li class=\"f-%s s-%s\"><span class=\"sw f-%s\"></span><a href=\"#f%zu\">", fam,
            tl_severity_str(x->severity), fam, id);
    escs(o, f->path);
    fprintf(o, ":%u:%u</a> %s <b>%s</b> <span class=\"m\">", x->line, x->col,
            tl_severity_str(x->severity), tl_rule_id(x->rule));
    escs(o, x->message);
    fputs("</span></li>\n", o);
}

#define MAX_DEPTH 64

/* The highlights open at the current point of a text, innermost last. */
typedef struct {
    uint64_t end[MAX_DEPTH];
    const tl_finding *x[MAX_DEPTH];
    size_t id[MAX_DEPTH];
    size_t depth;
} mark_stack;

/* Bytes [from, to) of the text, each line a block of its own: at a line end the open
 * highlights close and open again on the next line. Lines as blocks keep layout local:
 * a 1 MB text is not one paragraph that every filter change lays out again. (CSS
 * content-visibility: auto on the lines made filters 20 times slower in Chromium.) */
static void text_run(html_state *st, FILE *o, const char *data, size_t from, size_t to,
                     const mark_stack *ms)
{
    while (from < to) {
        const char *nl = memchr(data + from, '\n', to - from);
        size_t cut = nl ? (size_t)(nl - data) : to;
        esc(o, data + from, cut - from);
        if (!nl)
            break;
        for (size_t k = 0; k < ms->depth; k++)
            fputs("</mark>", o);
        fputs("\n</div><div class=\"l\">", o);
        for (size_t k = 0; k < ms->depth; k++)
            open_mark(st, o, ms->x[k], ms->id[k], 1);
        from = cut + 1;
    }
}

/* text_run over [from, to) of f, in pieces of at most 4 MiB: f->consumed is told each
 * time the text written passes another 4 MiB (*told: where it was told last), so that a
 * mapped text's pages are dropped as they are written. */
static void text_pieces(html_state *st, FILE *o, const report_file *f, size_t from, size_t to,
                        const mark_stack *ms, size_t *told)
{
    const size_t piece = (size_t)4 << 20;
    while (from < to) {
        size_t end = to - from > piece ? from + piece : to;
        text_run(st, o, f->data, from, end, ms);
        from = end;
        if (f->consumed && from - *told >= piece) {
            f->consumed(f->consumed_arg, from);
            *told = from;
        }
    }
}

/* The text of f with its findings (sorted) as nested highlights. */
static void text_with_marks(html_state *st, FILE *o, const report_file *f)
{
    mark_stack ms;
    size_t pos = 0, len = f->len, told = 0;
    ms.depth = 0;
    fputs("<div class=\"text\"><div class=\"l\">", o);
    for (size_t k = 0; k <= st->n; k++) {
        const tl_finding *x = k < st->n ? st->v[k] : NULL;
        uint64_t at = x && x->offset < len ? x->offset : len;
        /* close what ends before this one starts */
        while (ms.depth && ms.end[ms.depth - 1] <= at) {
            size_t e = (size_t)ms.end[ms.depth - 1];
            text_pieces(st, o, f, pos, e, &ms, &told);
            pos = e;
            fputs("</mark>", o);
            ms.depth--;
        }
        if (!x)
            break;
        text_pieces(st, o, f, pos, (size_t)at, &ms, &told);
        pos = (size_t)at;
        uint64_t e = x->offset + x->length > len ? len : x->offset + x->length;
        if (ms.depth && e > ms.end[ms.depth - 1])
            e = ms.end[ms.depth - 1];    /* crossing: cut at the enclosing end */
        size_t id = st->next_id + 1 + k; /* ids start at 1 */
        st->per_fam[family_index(st, x->rule)]++;
        side_entry(st, f, x, id);
        if (ms.depth == MAX_DEPTH)
            continue;
        open_mark(st, o, x, id, 0);
        ms.end[ms.depth] = e;
        ms.x[ms.depth] = x;
        ms.id[ms.depth++] = id;
    }
    text_pieces(st, o, f, pos, len, &ms, &told);
    fputs("</div></div>\n", o);
}

static void file_end(reporter *rp, const report_file *f)
{
    html_state *st = rp->state;
    if (st->n)
        qsort(st->v, st->n, sizeof *st->v, by_span);
    if (f->data)
        text_with_marks(st, rp->out, f);
    else
        fprintf(rp->out, "<p>not read: %s</p>\n", f->error ? f->error : "no text");
    if (f->error && f->data) {
        fputs("<p>", rp->out);
        escs(rp->out, f->error);
        fputs("</p>\n", rp->out);
    }
    st->next_id += st->n;
    st->n = 0;
    fputs("</section>\n", rp->out);
}

static void summary(reporter *rp, const report_summary *s)
{
    html_state *st = rp->state;
    FILE *o = rp->out;
    fprintf(o,
            "<header>\n<h1>termlint review</h1>\n<p>%zu file%s checked: %zu error%s, %zu "
            "warning%s, %zu info%s%s</p>\n<p>",
            s->files, s->files == 1 ? "" : "s", s->errors, s->errors == 1 ? "" : "s", s->warnings,
            s->warnings == 1 ? "" : "s", s->infos, s->infos == 1 ? "" : "s",
            s->input_errors ? "; some inputs could not be read" : "");
    for (size_t k = 0; k < st->nfam; k++)
        if (st->per_fam[k])
            fprintf(o,
                    "<label><input type=\"checkbox\" checked data-hide=\"f-%s\"><span "
                    "class=\"sw f-%s\"></span>%s (%zu)</label>",
                    st->fam[k], st->fam[k], st->fam[k], st->per_fam[k]);
    fputs("</p>\n<p>", o);
    static const char *const sev[] = {"error", "warning", "info"};
    size_t nsev[] = {s->errors, s->warnings, s->infos};
    for (int k = 0; k < 3; k++)
        fprintf(o, "<label><input type=\"checkbox\" checked data-hide=\"s-%s\">%s (%zu)</label>",
                sev[k], sev[k], nsev[k]);
    fputs("<span class=\"keys\">keys: n / j next finding, p / k previous, Esc hides the "
          "tooltip</span></p>\n</header>\n",
          o);
}

static void end(reporter *rp, const report_summary *s)
{
    html_state *st = rp->state;
    fputs("</main>\n<aside>\n<ol>\n", rp->out);
    if (st->sidef && fclose(st->sidef) == 0 && st->side)
        fwrite(st->side, 1, st->side_len, rp->out);
    st->sidef = NULL;
    fputs("</ol>\n</aside>\n", rp->out);
    summary(rp, s);
    fprintf(rp->out,
            "<div id=\"tip\" role=\"tooltip\"></div>\n<script>%s</script>\n"
            "</body>\n</html>\n",
            script);
    free(st->side);
    free(st->v);
}

const report_format report_html = {"html", sizeof(html_state), begin, file, finding, file_end, end};
