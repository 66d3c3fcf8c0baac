/** What the date transforms that compute with millis (date-iso.ts, epoch.ts) share. */
import { TransformError } from './errors.js';
import { quote } from './money.js';
/** millis → ISO string, or TransformError naming `input` when outside the Date range. */
export function isoFromMillis(millis, input) {
    const date = new Date(millis);
    if (Number.isNaN(date.getTime()))
        throw new TransformError(`${quote(input)} is outside the date range`);
    return date.toISOString();
}
