/* YAML text into dd_value trees (libyaml), for the config file and option defaults. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>
#include "value.h"

const dd_value *dd_value_get(const dd_value *map, const char *key)
{
	if (!map || map->kind != DD_VAL_MAP)
		return NULL;
	for (size_t i = 0; i < map->n_items; i++)
		if (strcmp(map->keys[i], key) == 0)
			return map->items[i];
	return NULL;
}

int dd_value_bool(const dd_value *v)
{
	if (!v || v->kind != DD_VAL_SCALAR || v->quoted)
		return -1;
	static const char *const yes[] = { "true", "yes", "on" }, *const no[] = { "false", "no", "off" };
	for (int i = 0; i < 3; i++) {
		if (strcasecmp(v->text, yes[i]) == 0)
			return 1;
		if (strcasecmp(v->text, no[i]) == 0)
			return 0;
	}
	return -1;
}

static dd_value *convert(dd_arena *a, yaml_document_t *doc, yaml_node_t *node, const char *source, int depth)
{
	dd_value *v = dd_arena_alloc(a, sizeof *v);
	v->source = source;
	v->line = (int)node->start_mark.line + 1;
	v->column = (int)node->start_mark.column + 1;
	if (depth > 64) {   /* hostile nesting: stop here */
		v->kind = DD_VAL_NULL;
		v->text = "";
		return v;
	}
	switch (node->type) {
	case YAML_SCALAR_NODE: {
		const char *t = (const char *)node->data.scalar.value;
		size_t len = node->data.scalar.length;
		v->quoted = node->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
			    node->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
		bool null = !v->quoted && (len == 0 || strcmp(t, "~") == 0 || strcasecmp(t, "null") == 0);
		v->kind = null ? DD_VAL_NULL : DD_VAL_SCALAR;
		v->text = dd_arena_strndup(a, t, len);
		break;
	}
	case YAML_SEQUENCE_NODE: {
		v->kind = DD_VAL_LIST;
		for (yaml_node_item_t *it = node->data.sequence.items.start; it < node->data.sequence.items.top; it++) {
			yaml_node_t *child = yaml_document_get_node(doc, *it);
			if (child)
				DD_PUSH(a, &v->items, &v->n_items, convert(a, doc, child, source, depth + 1));
		}
		break;
	}
	case YAML_MAPPING_NODE: {
		v->kind = DD_VAL_MAP;
		size_t nkeys = 0, nknodes = 0;
		for (yaml_node_pair_t *p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(doc, p->key);
			yaml_node_t *val = yaml_document_get_node(doc, p->value);
			if (!k || !val)
				continue;
			dd_value *kv = convert(a, doc, k, source, depth + 1);
			DD_PUSH(a, &v->keys, &nkeys, kv->kind == DD_VAL_SCALAR ? kv->text : "");
			DD_PUSH(a, &v->key_nodes, &nknodes, kv);
			DD_PUSH(a, &v->items, &v->n_items, convert(a, doc, val, source, depth + 1));
		}
		break;
	}
	default:
		v->kind = DD_VAL_NULL;
		v->text = "";
	}
	return v;
}

/*
 * An alias copies the node it names into the tree, so aliases of aliases multiply: a few
 * hundred bytes ask for billions of nodes ("billion laughs"), and a config file comes with
 * the repository being linted. A real config has a few hundred nodes, and one without
 * aliases is bounded by the 1 MiB file limit; 100,000 copies are about 10 MB of tree.
 */
#define ALIAS_COPY_BUDGET 100000

struct anchor { size_t size; bool open; };   /* size: its nodes, aliases expanded */
struct frame { size_t size; struct anchor *anchor; struct frame *up; };   /* an open collection */

/* A scalar's anchor is complete; a collection's stays open until its end. */
static struct anchor *add_anchor(dd_arena *scratch, dd_map *anchors, const yaml_char_t *name, bool scalar)
{
	if (!name)
		return NULL;
	struct anchor *an = dd_arena_alloc(scratch, sizeof *an);
	an->size = scalar ? 1 : 0;
	an->open = !scalar;
	dd_map_put(anchors, scratch, (const char *)name, an);   /* a later anchor of that name wins */
	return an;
}

/* Before the loader builds the first document, count over its events the nodes its aliases
 * would copy. 0 when within the budget, or when the YAML is broken (the loader says where);
 * else -1 with the position of the alias that crosses it, or of an alias inside its own node. */
static int check_aliases(const char *text, size_t len, const char *source, char *err, size_t errsize)
{
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		return 0;
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	dd_arena *scratch = dd_arena_new();
	dd_map anchors = { 0 };
	struct frame *top = NULL;
	size_t copied = 0;
	int rc = 0;
	for (bool done = false; !done && rc == 0;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev))
			break;
		size_t size = 0;   /* of a node that ends here */
		switch (ev.type) {
		case YAML_SCALAR_EVENT:
			size = 1;
			add_anchor(scratch, &anchors, ev.data.scalar.anchor, true);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT: {
			struct frame *f = dd_arena_alloc(scratch, sizeof *f);
			f->size = 1;
			f->anchor = add_anchor(scratch, &anchors, ev.type == YAML_SEQUENCE_START_EVENT ?
					       ev.data.sequence_start.anchor : ev.data.mapping_start.anchor, false);
			f->up = top;
			top = f;
			break;
		}
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (!top)
				break;
			size = top->size;
			if (top->anchor) {
				top->anchor->size = size;
				top->anchor->open = false;
			}
			top = top->up;
			break;
		case YAML_ALIAS_EVENT: {
			const char *name = (const char *)ev.data.alias.anchor;
			struct anchor *an = dd_map_get(&anchors, name);
			if (!an)
				break;   /* undefined: the loader reports it */
			if (an->open) {
				snprintf(err, errsize, "%s:%zu:%zu: alias '*%s' is inside the node it names: "
					 "it would copy itself forever", source, ev.start_mark.line + 1,
					 ev.start_mark.column + 1, name);
				rc = -1;
			} else if ((copied += an->size) > ALIAS_COPY_BUDGET) {
				snprintf(err, errsize, "%s:%zu:%zu: alias '*%s' makes the aliases copy more than %d "
					 "nodes (aliases of aliases multiply); refusing to expand them", source,
					 ev.start_mark.line + 1, ev.start_mark.column + 1, name, ALIAS_COPY_BUDGET);
				rc = -1;
			}
			size = an->size;
			break;
		}
		case YAML_DOCUMENT_END_EVENT:
		case YAML_STREAM_END_EVENT:
			done = true;   /* the loader reads the first document only */
			break;
		default:
			break;
		}
		if (top && size)
			top->size += size;
		yaml_event_delete(&ev);
	}
	dd_map_free(&anchors);
	dd_arena_free(scratch);
	yaml_parser_delete(&parser);
	return rc;
}

int dd_yaml_parse(dd_arena *a, const char *text, size_t len, const char *source, dd_value **out,
		  char *err, size_t errsize)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	*out = NULL;
	if (check_aliases(text, len, source, err, errsize) != 0)
		return -1;
	if (!yaml_parser_initialize(&parser)) {
		snprintf(err, errsize, "%s: cannot start the YAML parser", source);
		return -1;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &doc)) {
		yaml_mark_t mk = parser.problem_mark;
		snprintf(err, errsize, "%s:%zu:%zu: invalid YAML: %s%s%s", source, mk.line + 1, mk.column + 1,
			 parser.problem ? parser.problem : "syntax error", parser.context ? " " : "",
			 parser.context ? parser.context : "");
		yaml_parser_delete(&parser);
		return -1;
	}
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	if (root) {
		*out = convert(a, &doc, root, dd_arena_strdup(a, source), 0);
	} else {
		dd_value *v = dd_arena_alloc(a, sizeof *v);
		v->kind = DD_VAL_NULL;
		v->text = "";
		v->source = dd_arena_strdup(a, source);
		v->line = v->column = 1;
		*out = v;
	}
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	return 0;
}

static bool needs_quotes(const dd_value *v)
{
	const char *t = v->text;
	if (v->quoted || !*t)
		return true;
	for (const char *p = t; *p; p++)
		if (strchr(":#,[]{}&*!|>'\"%@`", *p) || (p == t && strchr("-?", *p)))
			return true;
	return false;
}

static void flow(dd_buf *b, const dd_value *v)
{
	switch (v->kind) {
	case DD_VAL_NULL:
		dd_buf_puts(b, "null");
		break;
	case DD_VAL_SCALAR:
		if (needs_quotes(v)) {
			dd_buf_puts(b, "'");
			for (const char *p = v->text; *p; p++) {
				dd_buf_add(b, p, 1);
				if (*p == '\'')
					dd_buf_add(b, "'", 1);   /* '' is a quote inside single quotes */
			}
			dd_buf_puts(b, "'");
		} else {
			dd_buf_puts(b, v->text);
		}
		break;
	case DD_VAL_LIST:
		dd_buf_puts(b, "[");
		for (size_t i = 0; i < v->n_items; i++) {
			if (i)
				dd_buf_puts(b, ", ");
			flow(b, v->items[i]);
		}
		dd_buf_puts(b, "]");
		break;
	case DD_VAL_MAP:
		dd_buf_puts(b, "{");
		for (size_t i = 0; i < v->n_items; i++) {
			dd_buf_printf(b, "%s%s: ", i ? ", " : "", v->keys[i]);
			flow(b, v->items[i]);
		}
		dd_buf_puts(b, "}");
		break;
	}
}

char *dd_value_flow(dd_arena *a, const dd_value *v)
{
	dd_buf b = { 0 };
	flow(&b, v);
	char *out = dd_arena_strdup(a, b.data ? b.data : "");
	dd_buf_free(&b);
	return out;
}
