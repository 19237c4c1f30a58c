#!/bin/sh
# gen-appraisals.sh N SEED DIR: N valid appraisals DIR/appraisal-NNNN.xml, the same for one SEED.
#
# Each has 1 to 3 projects, a rating for every base practice of every area in
# scope, generic practices up to one level above the level each area reaches
# (so the ratings decide the level), evidence cited by every rating, findings,
# sometimes excluded areas, NA ratings and an acquirer's target profile.  The
# random numbers are a Park-Miller generator in awk, so any awk gives the same
# files.  Process areas, practices and the standard are read from the model.
set -eu

if [ $# -ne 3 ] || ! [ "$1" -ge 1 ] 2>/dev/null || ! [ "$2" -ge 0 ] 2>/dev/null; then
	echo "usage: $0 N SEED DIR   (N >= 1, SEED a whole number)" >&2
	exit 2
fi
count=$1 seed=$2 dir=$3
model=$(dirname "$0")/../model-xml/sse-cmm.xml
mkdir -p "$dir"

awk -v count="$count" -v seed="$seed" -v dir="$dir" '
# ---- reading the model ----
/<standard>/ { s = $0; sub(/.*<standard>/, "", s); sub(/<\/standard>.*/, "", s); standard = s }
/<process-area / {
	match($0, /id="PA[0-9]+"/); pa = substr($0, RSTART + 4, RLENGTH - 5)
	pas[++n_pas] = pa
}
/<base-practice / {
	match($0, /id="BP[^"]+"/); bps[pa, ++n_bps[pa]] = substr($0, RSTART + 4, RLENGTH - 5)
}
/<generic-practice / {
	match($0, /id="GP-[0-9]/); lv = substr($0, RSTART + 7, 1)
	match($0, /id="GP[^"]+"/); gps[lv, ++n_gps[lv]] = substr($0, RSTART + 4, RLENGTH - 5)
}

# ---- random numbers: Park-Miller, exact in double arithmetic ----
function rnd() { rng = (rng * 16807) % 2147483647; return rng / 2147483647 }
function rint(n) { return int(rnd() * n) }
function pick(list,    a, n) { n = split(list, a, "|"); return a[rint(n) + 1] }
function chance(p) { return rnd() < p }

# ---- text ----
function sentence() {
	return pick("The project team|The security lead|The process group|Each release team|" \
	            "The operations group|The system architect|Management") " " \
	       pick("records|reviews|keeps under change control|reports monthly on|" \
	            "agrees with the customer|tracks to closure|revises after each incident") " " \
	       pick("the security risks of the system|the configuration of the security controls|" \
	            "the threats to the deployed service|the results of security testing|" \
	            "the security requirements of each increment|the training of administrators|" \
	            "the assurance argument for the accreditor") " " \
	       pick("in the project plan.|in a register that the appraisers sampled.|" \
	            "with named owners and dates.|although the records are incomplete.|" \
	            "as the documented procedure requires.|but only for the main product line.")
}
function paragraph(n,    s, i) {
	s = sentence()
	for (i = 1; i < n; i++) s = s " " sentence()
	return s
}
function person() {
	return pick("A.|B.|C.|D.|E.|F.|G.|H.|J.|K.|L.|M.|N.|P.|R.|S.|T.") " " \
	       pick("Okafor|Lindqvist|Tregarthen|Kowalczyk|Raghunathan|Ellison|Marsh|Ferrier|" \
	            "Nakamura|Haddad|Moreau|Osei|Brennan|Varga|Castell|Iqbal")
}
function date(y, m, d) { return sprintf("%04d-%02d-%02d", y, m, d) }

# ---- one appraisal ----
function rating_attrs(    e, s) {
	e = sprintf("E%03d", (n_cites++ % n_evidence) + 1)
	if (chance(0.25)) {
		s = sprintf("E%03d", rint(n_evidence) + 1)
		if (s != e) e = e " " s
	}
	return "evidence=\"" e "\""
}
function practice(ref, rating) {
	if (rating == "NA") {
		printf "      <practice ref=\"%s\" rating=\"NA\">\n        <note>%s</note>\n" \
		       "      </practice>\n", ref, paragraph(1) > file
	} else if (chance(0.08)) {
		printf "      <practice ref=\"%s\" rating=\"%s\" %s>\n        <note>%s</note>\n" \
		       "      </practice>\n", ref, rating, rating_attrs(), paragraph(1) > file
	} else {
		printf "      <practice ref=\"%s\" rating=\"%s\" %s/>\n", ref, rating, rating_attrs() > file
	}
}
# Base practices for level >= 1 are L or F (rarely NA); for level 0 one or two fall short.
function rate_bps(pa, level,    i, n, fail1, fail2, r) {
	n = n_bps[pa]
	fail1 = level == 0 ? rint(n) + 1 : 0
	fail2 = level == 0 && chance(0.4) ? rint(n) + 1 : 0
	for (i = 1; i <= n; i++) {
		if (i == fail1 || i == fail2) r = pick("P|P|N")
		else if (i > 1 && chance(0.03)) r = "NA"
		else r = pick("F|F|F|L|L")
		practice(bps[pa, i], r)
	}
}
# Generic practices: the levels reached all L or F, the next level examined with a shortfall.
function rate_gps(level,    lv, i, top, fail) {
	top = level + 1 > 5 ? 5 : level + 1
	for (lv = 2; level >= 1 && lv <= top; lv++) {
		fail = lv > level ? rint(n_gps[lv]) + 1 : 0
		for (i = 1; i <= n_gps[lv]; i++)
			practice(gps[lv, i], i == fail ? pick("P|P|N") : (chance(0.6) ? "F" : "L"))
	}
}
function appraisal(num,    i, j, k, y, m, d, n_proj, proj, excluded, pa, level, n_find, kind) {
	rng = (seed * 1000003 + num * 7919) % 2147483646 + 1
	for (i = 0; i < 5; i++) rnd()
	file = sprintf("%s/appraisal-%04d.xml", dir, num)
	n_cites = 0
	y = 2024 + rint(3); m = rint(11) + 1; d = rint(20) + 1
	n_proj = rint(3) + 1
	n_evidence = 12 + 8 * n_proj
	k = rint(6)
	for (i = 1; i <= n_proj; i++)
		proj[i] = substr("GWLNSTCRHXOP", 2 * ((k + i) % 6) + 1, 2)
	split("", excluded)
	if (chance(0.3)) excluded[pick("PA14|PA19|PA20")] = 1
	if (chance(0.15)) excluded["PA08"] = 1

	printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" > file
	printf "<!-- Generated by gen-appraisals.sh, seed %d, number %d. -->\n", seed, num > file
	printf "<appraisal xmlns=\"urn:ssecmm:appraisal:1\" format=\"1\" id=\"GEN-%d-%04d\">\n", \
	       seed, num > file
	org = pick("Northwind|Harbour|Kestrel|Ashcombe|Tarnwell|Lowfield|Redmarsh|Copperline|" \
	           "Stonegate|Bramley") " " pick("Systems|Networks|Integration|Secure Solutions|" \
	           "Data Services|Engineering") " " pick("Ltd|plc|GmbH|AB")
	printf "  <title>SSE-CMM appraisal of %s, %04d</title>\n", org, y > file
	printf "  <model-version>%s</model-version>\n", standard > file
	printf "  <sponsor>%s, %s</sponsor>\n", person(), \
	       pick("Chief Technology Officer|Chief Information Security Officer|VP Engineering") > file
	printf "  <organization>\n    <name>%s</name>\n", org > file
	if (chance(0.6))
		printf "    <unit>%s Division</unit>\n", pick("Secure Systems|Public Services|Products") > file
	printf "  </organization>\n" > file
	printf "  <dates start=\"%s\" end=\"%s\" report=\"%s\" valid-until=\"%s\"/>\n", \
	       date(y, m, d), date(y, m, d + 4), date(y, m + 1, d), date(y + 2, m + 1, d) > file
	printf "  <confidentiality>%s</confidentiality>\n", \
	       pick("Commercial in confidence|Internal use only|Confidential") > file

	printf "  <team>\n    <member name=\"%s\" role=\"lead-appraiser\" affiliation=\"%s\"/>\n", \
	       person(), pick("Tarnwell Assurance Partners|Ridgeway Assurance|Northgate Audit") > file
	for (i = rint(3); i >= 0; i--)
		printf "    <member name=\"%s\" role=\"appraiser\"/>\n", person() > file
	if (chance(0.3))
		printf "    <member name=\"%s\" role=\"observer\"/>\n", person() > file
	printf "  </team>\n  <participants>\n" > file
	printf "    <participant role=\"Head of engineering\"/>\n" > file
	for (i = 1; i <= n_proj; i++) {
		printf "    <participant role=\"Project manager\" project=\"%s\"/>\n", proj[i] > file
		printf "    <participant role=\"Security engineer\" count=\"%d\" project=\"%s\"/>\n", \
		       rint(5) + 1, proj[i] > file
	}
	printf "  </participants>\n  <scope method=\"ssam\">\n" > file
	printf "    <description>%s</description>\n", paragraph(3) > file
	for (i = 1; i <= n_pas; i++)
		if (pas[i] in excluded)
			printf "    <excluded process-area=\"%s\">%s</excluded>\n", pas[i], paragraph(1) > file
	printf "  </scope>\n  <projects>\n" > file
	for (i = 1; i <= n_proj; i++)
		printf "    <project id=\"%s\" name=\"%s %s\">\n      <description>%s</description>\n" \
		       "    </project>\n", proj[i], pick("LANTERN|STOWAGE|CAREWAY|HARBOUR|BEACON|" \
		       "FALCON|TIDEWAY"), pick("gateway|records platform|logistics network|" \
		       "control system|payment service"), paragraph(2) > file
	printf "  </projects>\n  <evidence>\n" > file
	for (i = 1; i <= n_evidence; i++)
		printf "    <item id=\"E%03d\" kind=\"%s\" date=\"%s\">\n      <title>%s</title>\n" \
		       "      <location>%s-%03d</location>\n    </item>\n", i, \
		       pick("document|document|interview|demonstration|record"), \
		       date(y, m, rint(d + 4) + 1), \
		       pick("Security plan|Risk register|Threat model|Configuration baseline|" \
		            "Test report|Training records|Change board minutes|Interview notes") \
		       ", v" (rint(5) + 1), pick("DMS SEC|DMS ENG|Appraisal notes"), i > file
	printf "  </evidence>\n" > file

	for (j = 1; j <= n_proj; j++) {
		printf "  <ratings project=\"%s\">\n", proj[j] > file
		for (i = 1; i <= n_pas; i++) {
			pa = pas[i]
			if (pa in excluded) continue
			level = pick("0|1|1|1|1|2|2|2|2|2|2|2|3|3|3|3|3|4|4|5")
			printf "    <process-area ref=\"%s\"", pa > file
			if (chance(0.3)) printf " claimed-level=\"%d\"", level > file
			printf ">\n" > file
			rate_bps(pa, level)
			rate_gps(level)
			printf "    </process-area>\n" > file
		}
		printf "  </ratings>\n" > file
	}

	printf "  <findings>\n" > file
	n_find = 0
	for (j = 1; j <= n_proj; j++) {
		for (k = rint(5) + 2; k > 0; k--) {
			do pa = pas[rint(n_pas) + 1]; while (pa in excluded)
			kind = pick("strength|weakness|weakness|opportunity")
			printf "    <finding id=\"F%02d\" kind=\"%s\" process-area=\"%s\" practices=\"%s\"" \
			       " project=\"%s\" evidence=\"E%03d\">\n      <summary>%s</summary>\n", \
			       ++n_find, kind, pa, bps[pa, rint(n_bps[pa]) + 1], proj[j], \
			       rint(n_evidence) + 1, paragraph(rint(3) + 1) > file
			if (kind != "strength")
				printf "      <recommendation>%s</recommendation>\n", paragraph(1) > file
			printf "    </finding>\n" > file
		}
	}
	printf "  </findings>\n" > file

	if (chance(0.5)) {
		printf "  <target-profile id=\"RFP-%04d-%03d\">\n    <title>Security requirements" \
		       " for tender %03d</title>\n    <issuer>%s</issuer>\n    <reference>RFP %04d-%03d," \
		       " section 4</reference>\n    <model-version>%s</model-version>\n", \
		       y, num % 1000, num % 1000, pick("Port of Eastmouth Authority|Ministry of Transport|" \
		       "Regional Health Board"), y, num % 1000, standard > file
		for (i = 1; i <= n_pas; i++)
			if (i == 1 || chance(0.4))
				printf "    <target process-area=\"%s\" level=\"%d\"/>\n", pas[i], \
				       rint(3) + 1 > file
		printf "  </target-profile>\n" > file
	}
	printf "</appraisal>\n" > file
	close(file)
}

END { for (num = 1; num <= count; num++) appraisal(num) }
' "$model"
