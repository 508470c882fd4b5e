/*
 * A stand-in for Windows' bcryptprimitives.dll, for running the Windows build
 * under Wine 8.0 only (scripts/windows-check.sh). Never shipped.
 *
 * Rust's standard library takes its random numbers (HashMap seeds) from
 * ProcessPrng in bcryptprimitives.dll, which every Windows 10 and 11 has and
 * Wine 8.0 lacks: without it a Rust program exits with code 53 before main.
 * This one answers from BCryptGenRandom, which Wine does have.
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
