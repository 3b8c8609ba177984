# zsh -f tests/complete.zsh FPATH_DIR LINE: the words zsh's completion system offers at the end
# of LINE, one a line. An interactive zsh in a pseudo-terminal (zpty) loads compinit with
# FPATH_DIR first in $fpath, compadd is wrapped to print what it is given, and LINE is typed
# followed by a tab.
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PS1='' ; PATH=${(q)PATH}; fpath=(${(q)1} \$fpath); autoload -U compinit; compinit -u -D"
# the markers are split in what is typed, so that the terminal's echo of it does not match
zpty -w z 'compadd () { builtin compadd -O __hits "$@"; print -l -- "<""<${^__hits[@]}>"">" }'
zpty -w z 'comppostfuncs=(__done); __done() { print -- "<""<END>"">" }'
zpty -w z "$2"$'\t'
out=""
while zpty -r -t z line 2>/dev/null || { sleep 0.05; zpty -r z line; }; do
	out+="$line"
	[[ $line == *'<<END>>'* ]] && break
done
print -r -- "$out" | grep -ao '<<[^<>]*>>' | sed 's/^<<//; s/>>$//' | grep -v '^END$' | sort -u
zpty -d z
