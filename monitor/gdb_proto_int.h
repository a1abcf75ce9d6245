/* Inside the GDB protocol core: what the framing (gdb_proto.c) and the
 * packet handlers (gdb_packets.c) share. Not for the embedder. */
#ifndef MONITOR_GDB_PROTO_INT_H
#define MONITOR_GDB_PROTO_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "monitor/gdb_proto.h"

/* The stub shows gdb one thread (the vCPU), thread id 1 (E.1 "thread-id"). */
#define GDB_THREAD_ID "1"

/* Building a reply in g->tx_buf: begin, append payload bytes (escaped
 * as needed, silently cut at GDB_PACKET_MAX), send. */
void gdb_tx_begin(struct gdb *g);
size_t gdb_tx_payload_len(const struct gdb *g);
bool gdb_tx_putc(struct gdb *g, uint8_t c);
void gdb_tx_puts(struct gdb *g, const char *s);
void gdb_tx_hex_byte(struct gdb *g, uint8_t b);
void gdb_tx_reg(struct gdb *g, uint32_t v);
void gdb_tx_send(struct gdb *g);
void gdb_reply(struct gdb *g, const char *payload);
/* The stop reply for g->last. */
void gdb_tx_stop_reply(struct gdb *g);
/* Send the 'O' packet qRcmd output has left open. */
void gdb_out_flush(struct gdb *g);

/* Execute one received packet (len bytes at pkt, NUL after them) and
 * send its reply. */
enum gdb_action gdb_execute(struct gdb *g, char *pkt, size_t len);

#endif
