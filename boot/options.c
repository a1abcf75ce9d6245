/* Command-line option parsing: a table of known keys, each with its own
 * value parser, so adding an option is one line in the table. */
#include "boot/options.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct token {
	const char *key;
	unsigned key_len;
	const char *val;        /* NULL when the word has no '=' */
	unsigned val_len;
};

struct opt_desc {
	const char *key;
	int (*parse)(struct options *o, const struct token *t);
	const char *expect;     /* what a valid value looks like */
};

static bool token_is(const struct token *t, const char *s)
{
	return t->val_len == strlen(s) && !strncmp(t->val, s, t->val_len);
}

int options_parse_size(const char *s, unsigned len, uint64_t *out)
{
	uint64_t v = 0;
	unsigned i = 0;

	if (len == 0)
		return -1;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
		if (v > (UINT64_MAX - 9) / 10)
			return -1;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	if (i == 0)
		return -1;
	unsigned shift = 0;
	if (i < len) {
		switch (s[i++] | 0x20) {
		case 'k': shift = 10; break;
		case 'm': shift = 20; break;
		case 'g': shift = 30; break;
		default: return -1;
		}
	}
	if (i != len || v > (UINT64_MAX >> shift))
		return -1;
	*out = v << shift;
	return 0;
}

static int parse_mem(struct options *o, const struct token *t)
{
	uint64_t v;

	if (options_parse_size(t->val, t->val_len, &v) || v < OPT_MEM_MIN ||
	    v > OPT_MEM_MAX || v % (1 << 20))
		return -1;
	o->mem = v;
	return 0;
}

static int parse_gdb(struct options *o, const struct token *t)
{
	if (token_is(t, "off"))
		o->gdb = OPT_GDB_OFF;
	else if (token_is(t, "on") || token_is(t, "com2"))
		o->gdb = OPT_GDB_ON;
	else if (token_is(t, "wait"))
		o->gdb = OPT_GDB_WAIT;
	else
		return -1;
	return 0;
}

static int parse_log(struct options *o, const struct token *t)
{
	return log_level_parse(t->val, t->val_len, &o->log);
}

static int parse_test(struct options *o, const struct token *t)
{
	if (token_is(t, "exit"))
		o->test = OPT_TEST_EXIT;
	else if (token_is(t, "fault"))
		o->test = OPT_TEST_FAULT;
	else if (token_is(t, "console"))
		o->test = OPT_TEST_CONSOLE;
	else if (token_is(t, "guest"))
		o->test = OPT_TEST_GUEST;
	else
		return -1;
	return 0;
}

static int parse_stats(struct options *o, const struct token *t)
{
	if (token_is(t, "on"))
		o->stats = true;
	else if (token_is(t, "off"))
		o->stats = false;
	else
		return -1;
	return 0;
}

static int parse_bootargs(struct options *o, const struct token *t)
{
	if (t->val_len >= sizeof(o->bootargs))
		return -1;
	memcpy(o->bootargs, t->val, t->val_len);
	o->bootargs[t->val_len] = '\0';
	return 0;
}

static const struct opt_desc opt_table[] = {
	{ "mem", parse_mem, "a size from 16M to 3G in whole MiB, e.g. 256M" },
	{ "gdb", parse_gdb, "off, on or wait" },
	{ "log", parse_log, "error, warn, info or debug" },
	{ "test", parse_test, "exit, fault, console or guest" },
	{ "bootargs", parse_bootargs, "a string under 512 bytes" },
	{ "stats", parse_stats, "on or off" },
};

/* Splits off the next word; returns the position after it, or NULL at the
 * end. A value opening with '"' runs to the closing quote. */
static const char *next_token(const char *p, struct token *t, bool *unterminated)
{
	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p)
		return NULL;
	*t = (struct token){ .key = p };
	*unterminated = false;
	while (*p && *p != ' ' && *p != '\t' && *p != '=')
		p++;
	t->key_len = (unsigned)(p - t->key);
	if (*p != '=')
		return p;
	p++;
	if (*p == '"') {
		t->val = ++p;
		while (*p && *p != '"')
			p++;
		t->val_len = (unsigned)(p - t->val);
		if (*p == '"')
			p++;
		else
			*unterminated = true;
		return p;
	}
	t->val = p;
	while (*p && *p != ' ' && *p != '\t')
		p++;
	t->val_len = (unsigned)(p - t->val);
	return p;
}

static void apply(struct options *o, const struct token *t)
{
	for (size_t i = 0; i < sizeof(opt_table) / sizeof(opt_table[0]); i++) {
		const struct opt_desc *d = &opt_table[i];
		if (strlen(d->key) != t->key_len || strncmp(d->key, t->key, t->key_len))
			continue;
		if (d->parse(o, t))
			diag_add(&o->diags, "option %s=%.*s: invalid value, expected %s; ignored",
				 d->key, (int)t->val_len, t->val, d->expect);
		return;
	}
	diag_add(&o->diags, "unknown option '%.*s'; ignored", (int)t->key_len, t->key);
}

void options_parse(const char *cmdline, struct options *o)
{
	struct token t;
	bool first = true, unterminated = false;

	*o = (struct options){ .mem = OPT_MEM_DEFAULT, .log = LOG_INFO };
	static const char default_bootargs[] = "console=ttyAMA0";
	memcpy(o->bootargs, default_bootargs, sizeof(default_bootargs));
	for (const char *p = cmdline; (p = next_token(p, &t, &unterminated)); first = false) {
		if (!t.val) {
			if (first && t.key_len < sizeof(o->image)) {
				memcpy(o->image, t.key, t.key_len);
				o->image[t.key_len] = '\0';
			} else {
				diag_add(&o->diags, "option '%.*s' has no '=value'; ignored",
					 (int)t.key_len, t.key);
			}
			continue;
		}
		if (unterminated)
			diag_add(&o->diags, "option %.*s: unterminated quote, value taken to the end",
				 (int)t.key_len, t.key);
		apply(o, &t);
	}
}
