#!/bin/sh
# Prints cloudlex.conf.template with its placeholders filled in: the instance's `server` line once per
# app instance, the listen address and the cache folder. The same text tests/support/nginx-proxy.ts
# renders for the tests (tests/tooling/nginx-config.test.ts compares the two). docker-compose.yml's proxy
# runs it at start; on a machine of your own:
#   CLOUDLEX_INSTANCES="127.0.0.1:3001 127.0.0.1:3002" CLOUDLEX_LISTEN=80 \
#   CLOUDLEX_CACHE_DIR=/var/cache/nginx/cloudlex sh deploy/nginx/render-config.sh > /etc/nginx/sites-available/cloudlex
# An argument names another template. Nothing is printed unless the whole config could be rendered.
set -eu

: "${CLOUDLEX_INSTANCES:?host:port of each app instance, separated by spaces}"
: "${CLOUDLEX_LISTEN:?what nginx listens on, e.g. 80 or 127.0.0.1:8080}"
: "${CLOUDLEX_CACHE_DIR:?a folder nginx's worker user may write, e.g. /var/cache/nginx/cloudlex}"
template=${1:-$(dirname "$0")/cloudlex.conf.template}

# POSIX awk only (mawk in Debian's nginx image, busybox awk in Alpine's). Values are read from ENVIRON,
# because awk -v would interpret backslashes in them, and replaced as plain text, not as regexes.
awk '
function fail(message) {
  print "render-config.sh: " message > "/dev/stderr"
  exit 1
}
function replace_all(text, placeholder, value,    at, result) {
  result = ""
  while ((at = index(text, placeholder)) > 0) {
    result = result substr(text, 1, at - 1) value
    text = substr(text, at + length(placeholder))
  }
  return result text
}
function is_comment(line) {
  return line ~ /^[ \t]*#/
}
function fill_in(line) {
  line = replace_all(line, "${CLOUDLEX_LISTEN}", ENVIRON["CLOUDLEX_LISTEN"])
  line = replace_all(line, "${CLOUDLEX_CACHE_DIR}", ENVIRON["CLOUDLEX_CACHE_DIR"])
  if (match(line, /[$][{]CLOUDLEX_[A-Z_]+[}]/)) fail("the nginx template has a placeholder nothing fills in: " substr(line, RSTART, RLENGTH))
  rendered[++count] = line
}
{ lines[NR] = $0 }
index($0, "${CLOUDLEX_INSTANCE}") && !is_comment($0) { instance_lines++; instance_line = $0 }
END {
  instances = split(ENVIRON["CLOUDLEX_INSTANCES"], instance, " ")
  if (instances == 0) fail("the nginx config needs at least one app instance (CLOUDLEX_INSTANCES)")
  if (instance_lines != 1) fail("the nginx template must have exactly one server line with ${CLOUDLEX_INSTANCE}; it has " instance_lines + 0)
  for (n = 1; n <= NR; n++) {
    line = lines[n]
    if (line == instance_line) {
      for (i = 1; i <= instances; i++) {
        at = index(line, "${CLOUDLEX_INSTANCE}")
        fill_in(substr(line, 1, at - 1) instance[i] substr(line, at + length("${CLOUDLEX_INSTANCE}")))
      }
    } else if (!(is_comment(line) && index(line, "${CLOUDLEX_"))) {
      fill_in(line)
    }
  }
  for (n = 1; n <= count; n++) print rendered[n]
}
' "$template"
