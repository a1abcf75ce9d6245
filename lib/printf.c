/* vsnprintf for a freestanding build. Output goes through a small sink
 * that counts every character but stores only what fits, so callers get
 * C's truncation semantics. */
#include "lib/printf.h"

#include <stdint.h>

struct sink {
	char *buf;
	size_t size;
	size_t len;
};

struct spec {
	int left;      /* '-' flag */
	int zero;      /* '0' flag */
	int alt;       /* '#' flag: 0x prefix on non-zero hex */
	int width;
	int precision; /* -1 when absent */
	int length;    /* 0 int, 1 long, 2 long long, -1 short, -2 char */
};

static void put(struct sink *s, char c)
{
	if (s->len + 1 < s->size)
		s->buf[s->len] = c;
	s->len++;
}

static void pad(struct sink *s, char c, int n)
{
	while (n-- > 0)
		put(s, c);
}

static void put_str(struct sink *s, const struct spec *sp, const char *str)
{
	int n = 0;

	if (!str)
		str = "(null)";
	while (str[n] && (sp->precision < 0 || n < sp->precision))
		n++;
	if (!sp->left)
		pad(s, ' ', sp->width - n);
	for (int i = 0; i < n; i++)
		put(s, str[i]);
	if (sp->left)
		pad(s, ' ', sp->width - n);
}

static void put_num(struct sink *s, const struct spec *sp, uint64_t v,
		    unsigned base, int negative, int upper, const char *prefix)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, plen = 0, sign = negative ? 1 : 0;

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	while (prefix && prefix[plen])
		plen++;
	int body = n + plen + sign;
	if (!sp->left && !sp->zero)
		pad(s, ' ', sp->width - body);
	if (negative)
		put(s, '-');
	for (int i = 0; i < plen; i++)
		put(s, prefix[i]);
	if (!sp->left && sp->zero)
		pad(s, '0', sp->width - body);
	while (n)
		put(s, tmp[--n]);
	if (sp->left)
		pad(s, ' ', sp->width - body);
}

static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){ .precision = -1 };
	for (;; f++) {
		if (*f == '-')
			sp->left = 1;
		else if (*f == '0')
			sp->zero = 1;
		else if (*f == '#')
			sp->alt = 1;
		else
			break;
	}
	if (*f == '*') {
		sp->width = va_arg(*ap, int);
		f++;
	}
	while (*f >= '0' && *f <= '9')
		sp->width = sp->width * 10 + (*f++ - '0');
	if (*f == '.') {
		sp->precision = 0;
		if (*++f == '*') {
			sp->precision = va_arg(*ap, int);
			f++;
		}
		while (*f >= '0' && *f <= '9')
			sp->precision = sp->precision * 10 + (*f++ - '0');
	}
	for (;; f++) {
		if (*f == 'l')
			sp->length++;
		else if (*f == 'h')
			sp->length--;
		else if (*f == 'z' || *f == 'j' || *f == 't')
			sp->length = 2;
		else
			break;
	}
	return f;
}

static uint64_t arg_unsigned(const struct spec *sp, va_list *ap)
{
	if (sp->length >= 1)
		return sp->length == 1 ? va_arg(*ap, unsigned long)
				       : va_arg(*ap, unsigned long long);
	unsigned v = va_arg(*ap, unsigned);
	if (sp->length == -1)
		return (unsigned short)v;
	if (sp->length <= -2)
		return (unsigned char)v;
	return v;
}

static int64_t arg_signed(const struct spec *sp, va_list *ap)
{
	if (sp->length >= 1)
		return sp->length == 1 ? va_arg(*ap, long) : va_arg(*ap, long long);
	int v = va_arg(*ap, int);
	if (sp->length == -1)
		return (short)v;
	if (sp->length <= -2)
		return (signed char)v;
	return v;
}

static void convert(struct sink *s, char c, struct spec *sp, va_list *ap)
{
	switch (c) {
	case 'd':
	case 'i': {
		int64_t v = arg_signed(sp, ap);
		uint64_t mag = v < 0 ? -(uint64_t)v : (uint64_t)v;
		put_num(s, sp, mag, 10, v < 0, 0, NULL);
		break;
	}
	case 'u':
		put_num(s, sp, arg_unsigned(sp, ap), 10, 0, 0, NULL);
		break;
	case 'x':
	case 'X': {
		uint64_t v = arg_unsigned(sp, ap);
		const char *prefix = !sp->alt || !v ? NULL : c == 'X' ? "0X" : "0x";
		put_num(s, sp, v, 16, 0, c == 'X', prefix);
		break;
	}
	case 'o':
		put_num(s, sp, arg_unsigned(sp, ap), 8, 0, 0, NULL);
		break;
	case 'p':
		put_num(s, sp, (uintptr_t)va_arg(*ap, void *), 16, 0, 0, "0x");
		break;
	case 'c': {
		char ch[2] = { (char)va_arg(*ap, int), 0 };
		put_str(s, sp, ch);
		break;
	}
	case 's':
		put_str(s, sp, va_arg(*ap, const char *));
		break;
	default:
		/* '%%' and unknown conversions print themselves. */
		put(s, '%');
		if (c != '%')
			put(s, c);
		break;
	}
}

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sink s = { buf, size, 0 };
	struct spec sp;
	va_list args;

	va_copy(args, ap);
	for (const char *f = fmt; *f; f++) {
		if (*f != '%') {
			put(&s, *f);
			continue;
		}
		f = parse_spec(f + 1, &sp, &args);
		if (!*f)
			break;
		convert(&s, *f, &sp, &args);
	}
	va_end(args);
	if (size)
		buf[s.len < size ? s.len : size - 1] = '\0';
	return (int)s.len;
}

int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
